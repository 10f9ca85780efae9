package io.campuslab.web.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableBiConsumer;
import io.campuslab.core.tenant.SchoolTerm;
import java.time.LocalDate;

/**
 * The school's term: its first and last day. Students' GPU-hour budgets per term count from its
 * first day; both days empty: no term. Read-only for those who may not change it.
 */
class TermForm extends HorizontalLayout {

    TermForm(SchoolTerm term, boolean editable, SerializableBiConsumer<LocalDate, LocalDate> onSave) {
        DatePicker starts = new DatePicker(getTranslation("term.starts"));
        starts.setId("term-starts");
        DatePicker ends = new DatePicker(getTranslation("term.ends"));
        ends.setId("term-ends");
        starts.setValue(term.starts());
        ends.setValue(term.ends());
        starts.setClearButtonVisible(true);
        ends.setClearButtonVisible(true);
        starts.setReadOnly(!editable);
        ends.setReadOnly(!editable);
        add(starts, ends);
        if (editable) {
            Button save = new Button(getTranslation("term.save"), click -> onSave.accept(starts.getValue(), ends.getValue()));
            save.setId("term-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    }
}

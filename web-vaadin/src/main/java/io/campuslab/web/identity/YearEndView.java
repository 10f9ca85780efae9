package io.campuslab.web.identity;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.account.YearEnd;
import io.campuslab.core.account.YearEndPlan;
import io.campuslab.core.account.YearEndPreview;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.classroom.BrowserZone;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a school year: each class of the school's students moves up to the class given, or
 * graduates; the classrooms are archived under the year's label. A preview says what happens; only
 * the plan last previewed can be carried out.
 */
@Route(value = "year-end", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
public class YearEndView extends VerticalLayout implements HasDynamicTitle {

    private final YearEnd yearEnd;
    private final TextField label = new TextField();
    private final Checkbox archive = new Checkbox();
    private final VerticalLayout classes = new VerticalLayout();
    private final Div summary = new Div();
    private final Button apply = new Button();
    private final List<ClassInput> inputs = new ArrayList<>();

    /** What the admin set for one class. */
    private record ClassInput(String className, TextField next, Checkbox graduates) {
    }

    @Inject
    public YearEndView(YearEnd yearEnd) {
        this.yearEnd = yearEnd;
        label.setId("year-end-label");
        label.setLabel(getTranslation("year-end.label"));
        label.setPlaceholder("2025/26");
        label.setMaxLength(20);
        label.addValueChangeListener(change -> planChanged());
        archive.setId("year-end-archive");
        archive.setLabel(getTranslation("year-end.archive"));
        archive.setValue(true);
        archive.addValueChangeListener(change -> planChanged());
        classes.setId("year-end-classes");
        classes.setPadding(false);
        summary.setId("year-end-summary");
        Button preview = new Button(getTranslation("year-end.preview"), click -> preview());
        preview.setId("year-end-preview");
        apply.setText(getTranslation("year-end.apply"));
        apply.setId("year-end-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        apply.setEnabled(false);
        apply.addClickListener(click -> apply());
        Button classList = new Button(getTranslation("year-end.class-list"),
                com.vaadin.flow.component.icon.VaadinIcon.UPLOAD.create(), click -> new ClassListMoveDialog(yearEnd, this::load).open());
        classList.setId("year-end-class-list");
        add(new H3(getTranslation("year-end.title")), new Paragraph(getTranslation("year-end.intro")), classList,
                new HorizontalLayout(label, archive), classes, new HorizontalLayout(preview, apply), summary);
        load();
    }

    private void load() {
        try {
            show(yearEnd.classes().classes());
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void show(List<YearEndPreview.ClassRow> rows) {
        classes.removeAll();
        inputs.clear();
        if (rows.isEmpty()) {
            classes.add(new Paragraph(getTranslation("year-end.no-students")));
        }
        for (int i = 0; i < rows.size(); i++) {
            YearEndPreview.ClassRow row = rows.get(i);
            TextField next = new TextField();
            next.setId("year-end-next-" + i);
            next.setPlaceholder(getTranslation("year-end.next-class"));
            next.setMaxLength(100);
            Checkbox graduates = new Checkbox(getTranslation("year-end.graduates"));
            graduates.setId("year-end-graduates-" + i);
            graduates.addValueChangeListener(change -> {
                next.setEnabled(!change.getValue());
                planChanged();
            });
            next.addValueChangeListener(change -> planChanged());
            Span name = new Span(row.className().isEmpty() ? getTranslation("year-end.no-class") : row.className());
            name.setId("year-end-class-" + i);
            name.setWidth("12em");
            Span count = new Span(getTranslation("year-end.students", row.students()));
            count.setWidth("8em");
            HorizontalLayout line = new HorizontalLayout(name, count, next, graduates);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            classes.add(line);
            inputs.add(new ClassInput(row.className(), next, graduates));
        }
    }

    private YearEndPlan plan() {
        List<YearEndPlan.Step> steps = inputs.stream()
                .filter(input -> input.graduates().getValue() || !input.next().getValue().isBlank())
                .map(input -> new YearEndPlan.Step(input.className(),
                        input.graduates().getValue() ? "" : input.next().getValue(), input.graduates().getValue()))
                .toList();
        return new YearEndPlan(label.getValue(), archive.getValue(), steps);
    }

    /** A changed plan must be previewed again before it is carried out. */
    private void planChanged() {
        apply.setEnabled(false);
        summary.removeAll();
    }

    private void preview() {
        try {
            YearEndPreview preview = yearEnd.preview(plan());
            summary.removeAll();
            summary.add(describe(preview));
            apply.setEnabled(true);
        } catch (CampusLabException e) {
            apply.setEnabled(false);
            ErrorMessages.show(e);
        }
    }

    private void apply() {
        try {
            YearEndPreview done = yearEnd.apply(plan());
            ErrorMessages.notify(getTranslation("year-end.done", done.studentsMoved(), done.graduates(),
                    done.classroomsArchived().size()), "year-end-done", NotificationVariant.LUMO_SUCCESS);
            label.clear();
            load();
            planChanged();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private UnorderedList describe(YearEndPreview preview) {
        UnorderedList list = new UnorderedList();
        list.add(new ListItem(getTranslation("year-end.summary.moved", preview.studentsMoved())));
        list.add(new ListItem(getTranslation("year-end.summary.graduates", preview.graduates(),
                BrowserZone.when(preview.graduatesDeletedAfter(), BrowserZone.of(UI.getCurrent())))));
        list.add(new ListItem(preview.classroomsArchived().isEmpty() ? getTranslation("year-end.summary.no-archive")
                : getTranslation("year-end.summary.archived", String.join(", ", preview.classroomsArchived()))));
        list.add(new ListItem(getTranslation("year-end.summary.sessions", preview.sessionsEnded())));
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("year-end.title");
    }
}

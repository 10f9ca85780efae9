package io.campuslab.web.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import io.campuslab.core.account.ClassListMove;
import io.campuslab.core.account.YearEnd;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.web.layout.ErrorMessages;
import java.util.stream.Collectors;

/**
 * Next year's class list for the school's students: uploaded, previewed row by row (each student's
 * class now and next year, or what is wrong), then applied to all or none.
 */
class ClassListMoveDialog extends Dialog {

    private final YearEnd yearEnd;
    private final Runnable onMoved;
    private final Grid<ClassListMove.Row> preview = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button apply = new Button();
    private byte[] csv;

    ClassListMoveDialog(YearEnd yearEnd, Runnable onMoved) {
        this.yearEnd = yearEnd;
        this.onMoved = onMoved;
        setId("class-list-dialog");
        setHeaderTitle(getTranslation("year-end.class-list"));
        setWidth("50rem");
        Upload upload = ClassListUpload.of("class-list-upload", this::showPreview);
        preview.setId("class-list-preview");
        preview.addColumn(ClassListMove.Row::line).setHeader(getTranslation("members.import.line")).setAutoWidth(true);
        preview.addColumn(ClassListMove.Row::username).setHeader(getTranslation("members.username"));
        preview.addColumn(ClassListMove.Row::currentClass).setHeader(getTranslation("year-end.class-now"));
        preview.addColumn(ClassListMove.Row::nextClass).setHeader(getTranslation("year-end.next-class"));
        preview.addColumn(row -> row.problems().stream().map(this::getTranslation).collect(Collectors.joining(" ")))
                .setHeader(getTranslation("members.import.problem")).setFlexGrow(3);
        preview.setAllRowsVisible(true);
        preview.setVisible(false);
        summary.setId("class-list-summary");
        apply.setText(getTranslation("year-end.class-list-apply"));
        apply.setId("class-list-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(click -> applyList());
        add(new Paragraph(getTranslation("year-end.class-list-help")), upload, summary, preview);
        Button close = new Button(getTranslation("action.cancel"), click -> close());
        close.setId("class-list-close");
        getFooter().add(close, apply);
    }

    private void showPreview(byte[] file) {
        try {
            csv = file;
            ClassListMove move = yearEnd.previewClassList(file);
            preview.setItems(move.rows());
            preview.setVisible(true);
            long bad = move.rows().stream().filter(row -> !row.problems().isEmpty()).count();
            summary.setText(bad == 0 ? getTranslation("year-end.class-list-ready", move.moved())
                    : getTranslation("members.import.problems", bad));
            apply.setEnabled(bad == 0);
        } catch (CampusLabException e) {
            summary.setText(ErrorMessages.text(e, getLocale()));
        }
    }

    private void applyList() {
        try {
            ClassListMove done = yearEnd.applyClassList(csv);
            ErrorMessages.notify(getTranslation("year-end.class-list-done", done.moved()), "class-list-done",
                    NotificationVariant.LUMO_SUCCESS);
            close();
            onMoved.run();
        } catch (CampusLabException e) {
            summary.setText(ErrorMessages.text(e, getLocale()));
        }
    }
}

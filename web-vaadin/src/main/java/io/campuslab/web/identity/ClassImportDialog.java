package io.campuslab.web.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import io.campuslab.core.identity.ClassList;
import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.MemberImport;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.web.layout.ErrorMessages;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Importing a class: upload the CSV, read the preview (every problem on its row), then import all
 * or nothing; the initial passwords are shown once at the end.
 */
public class ClassImportDialog extends Dialog {

    private final MemberImport imports;
    private final Runnable onImported;
    private final Grid<ClassList.Row> preview = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button commit = new Button();
    private final Button cancel = new Button();
    private byte[] csv;

    public ClassImportDialog(MemberImport imports, Runnable onImported) {
        this.imports = imports;
        this.onImported = onImported;
        setHeaderTitle(getTranslation("members.import"));
        setWidth("60rem");
        Upload upload = ClassListUpload.of("import-upload", this::showPreview);
        preview.setId("import-preview");
        preview.addColumn(ClassList.Row::line).setHeader(getTranslation("members.import.line")).setAutoWidth(true);
        preview.addColumn(ClassList.Row::username).setHeader(getTranslation("members.username"));
        preview.addColumn(ClassList.Row::name).setHeader(getTranslation("members.name"));
        preview.addColumn(ClassList.Row::email).setHeader(getTranslation("members.email"));
        preview.addColumn(ClassList.Row::className).setHeader(getTranslation("members.class"));
        preview.addColumn(row -> row.problems().stream().map(this::getTranslation).collect(Collectors.joining(" ")))
                .setHeader(getTranslation("members.import.problem")).setFlexGrow(3);
        preview.setAllRowsVisible(true);
        preview.setVisible(false);
        summary.setId("import-summary");
        commit.setText(getTranslation("members.import.commit"));
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setEnabled(false);
        commit.addClickListener(click -> importAll());
        add(new Paragraph(getTranslation("members.import.help")), upload, summary, preview);
        cancel.setText(getTranslation("action.cancel"));
        cancel.setId("import-close");
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, commit);
    }

    private void showPreview(byte[] file) {
        try {
            csv = file;
            List<ClassList.Row> rows = imports.preview(file);
            long bad = rows.stream().filter(row -> !row.valid()).count();
            preview.setItems(rows);
            preview.setVisible(true);
            summary.setText(bad == 0 ? getTranslation("members.import.ready", rows.size())
                    : getTranslation("members.import.problems", bad));
            commit.setEnabled(bad == 0);
        } catch (CampusLabException e) {
            summary.setText(ErrorMessages.text(e, getLocale()));
        }
    }

    private void importAll() {
        try {
            List<ImportedPerson> imported = imports.importAll(csv);
            removeAll();
            add(new PasswordHandover("import-result", getTranslation("members.import.done", imported.size()), imported));
            commit.setVisible(false);
            cancel.setText(getTranslation("action.close"));
            onImported.run();
        } catch (CampusLabException e) {
            summary.setText(ErrorMessages.text(e, getLocale()));
        }
    }
}

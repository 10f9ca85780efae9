package io.campuslab.web.identity;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.campuslab.core.identity.ImportedPerson;
import java.util.List;

/**
 * People just created with their one-time passwords, shown once: who to hand which password to.
 * The same for a class import, one member added by hand, and a school's first admin.
 */
public class PasswordHandover extends VerticalLayout {

    public PasswordHandover(String id, String message, List<ImportedPerson> people) {
        setPadding(false);
        Grid<ImportedPerson> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(ImportedPerson::username).setHeader(getTranslation("members.username"));
        grid.addColumn(ImportedPerson::name).setHeader(getTranslation("members.name"));
        grid.addColumn(ImportedPerson::className).setHeader(getTranslation("members.class"));
        grid.addColumn(ImportedPerson::initialPassword).setHeader(getTranslation("members.import.password"));
        grid.setItems(people);
        grid.setAllRowsVisible(true);
        add(new Paragraph(message), grid);
    }

    /** A member's password just reset: the one-time password in a dialog, shown once. */
    public static void showReset(ImportedPerson person) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("members.reset-password"));
        dialog.add(new PasswordHandover("password-reset", dialog.getTranslation("members.password-reset-done"), List.of(person)));
        com.vaadin.flow.component.button.Button close = new com.vaadin.flow.component.button.Button(
                dialog.getTranslation("members.close"), done -> dialog.close());
        close.setId("password-reset-close");
        dialog.getFooter().add(close);
        dialog.open();
    }
}

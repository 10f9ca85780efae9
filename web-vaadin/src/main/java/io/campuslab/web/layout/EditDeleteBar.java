package io.campuslab.web.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.campuslab.core.platform.CampusLabException;
import java.io.Serializable;

/**
 * Edit and Delete for one item, the delete asked for again with what it takes with it. Ids:
 * {@code edit-<prefix>-<name>}, {@code delete-<prefix>-<name>}, and {@code confirm-delete} on the question.
 */
public class EditDeleteBar extends HorizontalLayout {

    /** Deletes the item; a refusal is shown to the person. */
    @FunctionalInterface
    public interface Deletion extends Serializable {
        void delete() throws CampusLabException;
    }

    /**
     * @param consequenceKey message key of what deleting takes with it
     * @param afterDelete    what the screen does once the item is gone
     */
    public EditDeleteBar(String prefix, String name, String title, Runnable onEdit, String consequenceKey,
                         Deletion deletion, Runnable afterDelete) {
        setPadding(false);
        Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), click -> onEdit.run());
        edit.setId("edit-" + prefix + "-" + name);
        Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(),
                click -> confirm(title, consequenceKey, deletion, afterDelete));
        delete.setId("delete-" + prefix + "-" + name);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(edit, delete);
    }

    private void confirm(String title, String consequenceKey, Deletion deletion, Runnable afterDelete) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("action.delete-title", title), getTranslation(consequenceKey),
                getTranslation("action.delete"), ok -> {
                    try {
                        deletion.delete();
                        afterDelete.run();
                    } catch (CampusLabException e) {
                        ErrorMessages.show(e);
                    }
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setId("confirm-delete");
        confirm.open();
    }
}

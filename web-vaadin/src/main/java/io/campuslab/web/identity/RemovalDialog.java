package io.campuslab.web.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.campuslab.core.account.MemberRemoval;
import io.campuslab.core.account.RemovalPreview;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.web.classroom.BrowserZone;
import io.campuslab.web.layout.ErrorMessages;

/**
 * Shows what removing a member does before it is done — labs that stop, rosters left, the workspace
 * kept until when, classrooms that block it — and removes them on confirmation.
 */
class RemovalDialog extends Dialog {

    RemovalDialog(MemberRemoval removal, RemovalPreview preview, Runnable removed) {
        setId("removal-dialog");
        setHeaderTitle(getTranslation("removal.title", preview.displayName()));
        UnorderedList effects = new UnorderedList();
        effects.setId("removal-effects");
        effects.add(new ListItem(getTranslation("removal.labs", preview.activeLabs())));
        effects.add(new ListItem(preview.rosters().isEmpty() ? getTranslation("removal.no-rosters")
                : getTranslation("removal.rosters", String.join(", ", preview.rosters()))));
        String until = BrowserZone.when(preview.deleteAfter(), BrowserZone.of(com.vaadin.flow.component.UI.getCurrent()));
        effects.add(new ListItem(preview.workspaceBytes() < 0 ? getTranslation("removal.workspace-cluster", until)
                : getTranslation("removal.workspace", megabytes(preview.workspaceBytes()), until)));
        add(effects);
        Button confirm = new Button(getTranslation("removal.confirm"), click -> {
            try {
                removal.remove(preview.username());
                ErrorMessages.notify(getTranslation("removal.done", preview.username(), until), "member-removed",
                        NotificationVariant.LUMO_SUCCESS);
                close();
                removed.run();
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        confirm.setId("removal-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        if (!preview.possible()) {
            Paragraph blocked = new Paragraph(getTranslation("error.member.removal.teaches",
                    String.join(", ", preview.teachesClassrooms())));
            blocked.setId("removal-blocked");
            add(blocked);
            confirm.setEnabled(false);
        }
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("removal-cancel");
        getFooter().add(cancel, confirm);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}

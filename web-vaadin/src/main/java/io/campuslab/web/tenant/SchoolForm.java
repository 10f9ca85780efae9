package io.campuslab.web.tenant;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.NewMember;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.identity.PasswordHandover;
import com.vaadin.flow.shared.Registration;

/**
 * The dialog for a new school (short name, name and, optionally, its first admin) or a new name for
 * an existing one. It knows no
 * service: it fires {@link SaveEvent}, and the view answers with {@link #close()} or {@link #showError}.
 */
public class SchoolForm extends Dialog {

    private final TextField slug = new TextField();
    private final TextField name = new TextField();
    private final TextField adminUsername = new TextField();
    private final TextField adminName = new TextField();
    private final EmailField adminEmail = new EmailField();
    private final Paragraph error = new Paragraph();

    /** @param existingSlug the school to rename, or null for a new school */
    public SchoolForm(String existingSlug, String existingName) {
        setHeaderTitle(getTranslation(existingSlug == null ? "schools.add" : "schools.rename"));
        slug.setId("school-form-slug");
        slug.setLabel(getTranslation("school.slug"));
        slug.setHelperText(getTranslation("schools.slug-help"));
        slug.setMaxLength(40);
        slug.setRequired(true);
        name.setId("school-form-name");
        name.setLabel(getTranslation("school.name"));
        name.setMaxLength(200);
        name.setRequired(true);
        error.setId("school-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        adminUsername.setId("school-form-admin-username");
        adminUsername.setLabel(getTranslation("schools.admin-username"));
        adminUsername.setHelperText(getTranslation("schools.admin-help"));
        adminName.setId("school-form-admin-name");
        adminName.setLabel(getTranslation("schools.admin-name"));
        adminEmail.setId("school-form-admin-email");
        adminEmail.setLabel(getTranslation("schools.admin-email"));
        VerticalLayout fields = new VerticalLayout(slug, name);
        if (existingSlug != null) {
            slug.setValue(existingSlug);
            slug.setReadOnly(true);
            name.setValue(existingName);
        } else {
            fields.add(new H4(getTranslation("schools.first-admin")), adminUsername, adminName, adminEmail);
        }
        fields.add(error);
        Button save = new Button(getTranslation("action.save"), click -> fireEvent(new SaveEvent(this, slug.getValue().strip(),
                name.getValue(), firstAdmin())));
        save.setId("school-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        fields.setPadding(false);
        add(fields);
        getFooter().add(cancel, save);
    }

    /** The first admin entered, or null when the user name was left empty. */
    private NewMember firstAdmin() {
        if (adminUsername.getValue().isBlank()) {
            return null;
        }
        return new NewMember(adminUsername.getValue(), adminName.getValue(), adminEmail.getValue(), "", Role.TENANT_ADMIN);
    }

    /** Shows the first admin's one-time password in place of the form. */
    public void showHandover(ImportedPerson admin) {
        removeAll();
        add(new PasswordHandover("school-form-admin-result", getTranslation("schools.admin-created", admin.name()),
                java.util.List.of(admin)));
        getFooter().removeAll();
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("school-form-close");
        getFooter().add(close);
    }

    public void showError(String text) {
        error.setText(text);
    }

    public Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The person asked to save what they entered. */
    public static class SaveEvent extends ComponentEvent<SchoolForm> {

        private final String slug;
        private final String name;
        private final NewMember firstAdmin;

        SaveEvent(SchoolForm source, String slug, String name, NewMember firstAdmin) {
            super(source, false);
            this.slug = slug;
            this.name = name;
            this.firstAdmin = firstAdmin;
        }

        /** The first admin to create with a new school; null for none. */
        public NewMember firstAdmin() {
            return firstAdmin;
        }

        public String slug() {
            return slug;
        }

        public String name() {
            return name;
        }
    }
}

package io.campuslab.web.tenant;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * The dialog for a new school (short name and name) or a new name for an existing one. It knows no
 * service: it fires {@link SaveEvent}, and the view answers with {@link #close()} or {@link #showError}.
 */
public class SchoolForm extends Dialog {

    private final TextField slug = new TextField();
    private final TextField name = new TextField();
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
        if (existingSlug != null) {
            slug.setValue(existingSlug);
            slug.setReadOnly(true);
            name.setValue(existingName);
        }
        Button save = new Button(getTranslation("action.save"), click -> fireEvent(new SaveEvent(this, slug.getValue().strip(), name.getValue())));
        save.setId("school-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        VerticalLayout fields = new VerticalLayout(slug, name, error);
        fields.setPadding(false);
        add(fields);
        getFooter().add(cancel, save);
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

        SaveEvent(SchoolForm source, String slug, String name) {
            super(source, false);
            this.slug = slug;
            this.name = name;
        }

        public String slug() {
            return slug;
        }

        public String name() {
            return name;
        }
    }
}

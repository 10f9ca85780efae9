package io.campuslab.web.dataset;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/** The dialog for a new dataset or a changed title; it fires {@link SaveEvent} and knows no service. */
public class DatasetForm extends Dialog {

    private final TextField name = new TextField();
    private final TextField displayName = new TextField();
    private final TextArea description = new TextArea();
    private final Paragraph error = new Paragraph();

    public DatasetForm() {
        this(null, null, null);
    }

    /** A form to change a dataset: its name stays. */
    public DatasetForm(String existingName, String existingDisplayName, String existingDescription) {
        setHeaderTitle(getTranslation(existingName == null ? "datasets.add" : "datasets.edit"));
        name.setId("dataset-form-name");
        name.setLabel(getTranslation("datasets.name"));
        name.setHelperText(getTranslation("datasets.name-help"));
        name.setMaxLength(40);
        displayName.setId("dataset-form-display-name");
        displayName.setLabel(getTranslation("datasets.display-name"));
        displayName.setMaxLength(100);
        description.setId("dataset-form-description");
        description.setLabel(getTranslation("datasets.description"));
        description.setMaxLength(2000);
        if (existingName != null) {
            name.setValue(existingName);
            name.setReadOnly(true);
            displayName.setValue(existingDisplayName);
            description.setValue(existingDescription == null ? "" : existingDescription);
        }
        error.setId("dataset-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("action.save"),
                click -> fireEvent(new SaveEvent(this, name.getValue().strip(), displayName.getValue(), description.getValue())));
        save.setId("dataset-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout fields = new VerticalLayout(name, displayName, description, error);
        fields.setPadding(false);
        add(fields);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    public void showError(String text) {
        error.setText(text);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The person asked to create the dataset they described. */
    public static class SaveEvent extends ComponentEvent<DatasetForm> {

        private final String name;
        private final String displayName;
        private final String description;

        SaveEvent(DatasetForm source, String name, String displayName, String description) {
            super(source, false);
            this.name = name;
            this.displayName = displayName;
            this.description = description;
        }

        public String name() {
            return name;
        }

        public String displayName() {
            return displayName;
        }

        public String description() {
            return description;
        }
    }
}

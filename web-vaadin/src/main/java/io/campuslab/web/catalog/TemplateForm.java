package io.campuslab.web.catalog;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.TemplateDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dialog for a template of the school's own: images, one named port, workspace and resources.
 * It fires {@link SaveEvent} with the definition; the service checks every rule.
 */
public class TemplateForm extends Dialog {

    private final TextField name = field("template-form-name", "catalog.form.name");
    private final TextField displayName = field("template-form-display-name", "catalog.form.display-name");
    private final TextArea description = new TextArea();
    private final TextField cpuImage = field("template-form-cpu-image", "catalog.form.cpu-image");
    private final TextField gpuImage = field("template-form-gpu-image", "catalog.form.gpu-image");
    private final TextField portName = field("template-form-port-name", "catalog.form.port-name");
    private final IntegerField port = number("template-form-port", "catalog.form.port", 8888);
    private final TextField workspace = field("template-form-workspace", "catalog.form.workspace");
    private final IntegerField cpu = number("template-form-cpu", "catalog.form.cpu", 2);
    private final IntegerField memory = number("template-form-memory", "catalog.form.memory", 4);
    private final IntegerField maxGpus = number("template-form-max-gpus", "catalog.form.max-gpus", 0);
    private final TextArea info = new TextArea();
    private final Paragraph error = new Paragraph();
    private final String gpuKey;

    public TemplateForm(String gpuKey) {
        this.gpuKey = gpuKey;
        setHeaderTitle(getTranslation("catalog.add"));
        setWidth("44rem");
        description.setId("template-form-description");
        description.setLabel(getTranslation("catalog.form.description"));
        info.setId("template-form-info");
        info.setLabel(getTranslation("catalog.form.info"));
        portName.setValue("http");
        workspace.setValue("/home/student/work");
        gpuImage.setHelperText(getTranslation("catalog.form.gpu-image-help", gpuKey));
        error.setId("template-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, displayName, cpuImage, gpuImage, portName, port, workspace, cpu, memory, maxGpus,
                description, info);
        form.setColspan(description, 2);
        form.setColspan(info, 2);
        Button save = new Button(getTranslation("action.save"), click -> fireEvent(new SaveEvent(this, definition())));
        save.setId("template-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, error);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    /** What was entered, as a definition; the defaults are the maximum, the GPU count of the maximum 0. */
    private TemplateDefinition definition() {
        LabResources resources = cpu.getValue() == null || memory.getValue() == null || cpu.getValue() <= 0 || memory.getValue() <= 0
                ? null : new LabResources(cpu.getValue() * 1000, memory.getValue() * 1024, 0);
        LabResources maximum = resources == null || maxGpus.getValue() == null || maxGpus.getValue() < 0
                ? null : new LabResources(resources.cpuMillis(), resources.memoryMib(), maxGpus.getValue());
        Map<String, String> gpuImages = gpuImage.getValue().isBlank() ? Map.of() : Map.of(gpuKey, gpuImage.getValue().strip());
        List<String> infoLines = info.getValue().isBlank() ? List.of() : Arrays.stream(info.getValue().split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return new TemplateDefinition(name.getValue().strip(), displayName.getValue(), description.getValue(), "CUBE",
                cpuImage.getValue().strip(), gpuImages, List.of(), List.of(),
                List.of(new PortSpec(portName.getValue().strip(), port.getValue() == null ? 0 : port.getValue(), PortProtocol.HTTP)),
                workspace.getValue().strip(), 512, resources, maximum, infoLines);
    }

    public void showError(String text) {
        error.setText(text);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private TextField field(String id, String label) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        return field;
    }

    private IntegerField number(String id, String label, int value) {
        IntegerField field = new IntegerField(getTranslation(label));
        field.setId(id);
        field.setValue(value);
        return field;
    }

    /** The person asked to add the template they described. */
    public static class SaveEvent extends ComponentEvent<TemplateForm> {

        private final TemplateDefinition definition;

        SaveEvent(TemplateForm source, TemplateDefinition definition) {
            super(source, false);
            this.definition = definition;
        }

        public TemplateDefinition definition() {
            return definition;
        }
    }
}

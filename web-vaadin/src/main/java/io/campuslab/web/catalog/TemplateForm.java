package io.campuslab.web.catalog;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.RunAs;
import io.campuslab.domain.catalog.TemplateDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialog for adding or changing a template: images (one for CPU labs, one per GPU type), command,
 * ports, workspace and extra mounts, default and maximum resources, description, development
 * information and a picture. It fires {@link SaveEvent}; the service checks every rule.
 */
public class TemplateForm extends Dialog {

    private final boolean editing;
    private final TextField name = field("template-form-name", "catalog.form.name");
    private final TextField displayName = field("template-form-display-name", "catalog.form.display-name");
    private final TextArea description = area("template-form-description", "catalog.form.description");
    private final TextField cpuImage = field("template-form-cpu-image", "catalog.form.cpu-image");
    private final Map<String, TextField> gpuImages = new LinkedHashMap<>();
    private final TextArea command = area("template-form-command", "catalog.form.command");
    private final TextArea args = area("template-form-args", "catalog.form.args");
    private final TextField ports = field("template-form-ports", "catalog.form.ports");
    private final TextField workspace = field("template-form-workspace", "catalog.form.workspace");
    private final TextArea mounts = area("template-form-mounts", "catalog.form.mounts");
    private final IntegerField shm = number("template-form-shm", "catalog.form.shm");
    private final IntegerField cpu = number("template-form-cpu", "catalog.form.cpu");
    private final IntegerField memory = number("template-form-memory", "catalog.form.memory");
    private final IntegerField gpus = number("template-form-gpus", "catalog.form.gpus");
    private final IntegerField maxCpu = number("template-form-max-cpu", "catalog.form.max-cpu");
    private final IntegerField maxMemory = number("template-form-max-memory", "catalog.form.max-memory");
    private final IntegerField maxGpus = number("template-form-max-gpus", "catalog.form.max-gpus");
    private final TextArea info = area("template-form-info", "catalog.form.info");
    private final IntegerField runAsUser = number("template-form-run-as-user", "catalog.form.run-as-user");
    private final IntegerField runAsGroup = number("template-form-run-as-group", "catalog.form.run-as-group");
    private final com.vaadin.flow.component.checkbox.Checkbox readOnlyRoot =
            new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("catalog.form.read-only-root"));
    private final Span iconState = new Span();
    private final Paragraph error = new Paragraph();
    private byte[] icon;

    /**
     * @param gpuKeys  the GPU types the platform offers: one image field each
     * @param existing the template to change; empty to add one
     */
    public TemplateForm(List<String> gpuKeys, Optional<TemplateDefinition> existing) {
        this.editing = existing.isPresent();
        setHeaderTitle(getTranslation(editing ? "catalog.edit" : "catalog.add"));
        setWidth("52rem");
        gpuKeys.forEach(key -> {
            TextField image = field("template-form-gpu-image-" + key.replaceAll("[^a-z0-9]", "-"), "catalog.form.gpu-image");
            image.setHelperText(getTranslation("catalog.form.gpu-image-help", key));
            gpuImages.put(key, image);
        });
        ports.setHelperText(getTranslation("catalog.form.ports-help"));
        mounts.setHelperText(getTranslation("catalog.form.mounts-help"));
        command.setHelperText(getTranslation("catalog.form.lines-help"));
        args.setHelperText(getTranslation("catalog.form.lines-help"));
        error.setId("template-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        fill(existing.orElseGet(TemplateForm::starter));
        name.setReadOnly(editing);

        FormLayout form = new FormLayout(name, displayName, cpuImage);
        gpuImages.values().forEach(form::add);
        runAsUser.setHelperText(getTranslation("catalog.form.run-as-help"));
        readOnlyRoot.setId("template-form-read-only-root");
        readOnlyRoot.setHelperText(getTranslation("catalog.form.read-only-root-help"));
        form.add(ports, workspace, cpu, maxCpu, memory, maxMemory, gpus, maxGpus, shm, runAsUser, runAsGroup, readOnlyRoot);
        form.add(description, command, args, mounts, info);
        form.setColspan(description, 2);
        form.setColspan(mounts, 2);
        form.setColspan(info, 2);
        Button save = new Button(getTranslation("action.save"), click -> fireEvent(new SaveEvent(this, definition(),
                Optional.ofNullable(icon))));
        save.setId("template-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, iconUpload(), iconState, error);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    /** What a new template starts from: one HTTP port, a workspace, two cores and 4 GiB. */
    private static TemplateDefinition starter() {
        return new TemplateDefinition("", "", "", "CUBE", "", Map.of(), List.of(), List.of(),
                TemplateText.ports("http:8888"), "/home/student/work", 512, new LabResources(2000, 4096, 0),
                new LabResources(4000, 8192, 0), List.of(), List.of());
    }

    private void fill(TemplateDefinition d) {
        name.setValue(d.name());
        displayName.setValue(d.displayName());
        description.setValue(d.description() == null ? "" : d.description());
        cpuImage.setValue(d.cpuImage());
        gpuImages.forEach((key, field) -> field.setValue(d.gpuImages().getOrDefault(key, "")));
        command.setValue(String.join("\n", d.command()));
        args.setValue(String.join("\n", d.args()));
        ports.setValue(TemplateText.ports(d.ports()));
        workspace.setValue(d.workspacePath());
        mounts.setValue(TemplateText.mounts(d.mounts()));
        shm.setValue(d.shmMib());
        cpu.setValue(d.defaultResources().cpuMillis());
        memory.setValue(d.defaultResources().memoryMib());
        gpus.setValue(d.defaultResources().gpus());
        maxCpu.setValue(d.maxResources().cpuMillis());
        maxMemory.setValue(d.maxResources().memoryMib());
        maxGpus.setValue(d.maxResources().gpus());
        info.setValue(String.join("\n", d.developmentInfo()));
        runAsUser.setValue(d.runAs().uid());
        runAsGroup.setValue(d.runAs().gid());
        readOnlyRoot.setValue(d.runAs().readOnlyRoot());
    }

    private Upload iconUpload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            icon = bytes;
            iconState.setText(getTranslation("catalog.form.icon-chosen", metadata.fileName()));
        }));
        upload.setId("template-form-icon");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
        upload.setDropLabel(new Span(getTranslation("catalog.form.icon")));
        return upload;
    }

    /** What was entered; values the rules cannot accept stay visible to them (null resources, port 0). */
    private TemplateDefinition definition() {
        Map<String, String> images = new LinkedHashMap<>();
        gpuImages.forEach((key, field) -> {
            if (!field.getValue().isBlank()) {
                images.put(key, field.getValue().strip());
            }
        });
        return new TemplateDefinition(name.getValue().strip(), displayName.getValue(), description.getValue(), "CUBE",
                cpuImage.getValue().strip(), images, TemplateText.lines(command.getValue()), TemplateText.lines(args.getValue()),
                TemplateText.ports(ports.getValue()), workspace.getValue().strip(), value(shm),
                resources(cpu, memory, gpus), resources(maxCpu, maxMemory, maxGpus),
                TemplateText.lines(info.getValue()), TemplateText.mounts(mounts.getValue()),
                new RunAs(value(runAsUser), value(runAsGroup), readOnlyRoot.getValue()));
    }

    private static LabResources resources(IntegerField cpu, IntegerField memory, IntegerField gpus) {
        if (value(cpu) <= 0 || value(memory) <= 0 || value(gpus) < 0) {
            return null;
        }
        return new LabResources(value(cpu), value(memory), value(gpus));
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
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

    private TextArea area(String id, String label) {
        TextArea area = new TextArea(getTranslation(label));
        area.setId(id);
        return area;
    }

    private IntegerField number(String id, String label) {
        IntegerField field = new IntegerField(getTranslation(label));
        field.setId(id);
        return field;
    }

    /** The person asked to save the template they described, with a new picture if they chose one. */
    public static class SaveEvent extends ComponentEvent<TemplateForm> {

        private final TemplateDefinition definition;
        private final Optional<byte[]> icon;

        SaveEvent(TemplateForm source, TemplateDefinition definition, Optional<byte[]> icon) {
            super(source, false);
            this.definition = definition;
            this.icon = icon;
        }

        public TemplateDefinition definition() {
            return definition;
        }

        public Optional<byte[]> icon() {
            return icon;
        }
    }
}

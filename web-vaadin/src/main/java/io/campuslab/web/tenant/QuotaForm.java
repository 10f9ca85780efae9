package io.campuslab.web.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.campuslab.core.tenant.SchoolQuota;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A school's quota as fields; editable for the operator, read-only for the school. GPUs per key are
 * written as {@code key=count}, separated by commas. Knows no service: saving hands the quota on.
 */
public class QuotaForm extends FormLayout {

    private final IntegerField gpus = field("quota-gpus", "quota.gpus");
    private final TextField perKey = new TextField(getTranslation("quota.gpus-per-key"));
    private final IntegerField cores = field("quota-cpu", "quota.cpu-cores");
    private final IntegerField memory = field("quota-memory", "quota.memory-gib");
    private final IntegerField labs = field("quota-labs", "quota.labs");
    private final IntegerField storage = field("quota-storage", "quota.storage-gib");
    private final IntegerField gpuHours = field("quota-gpu-hours", "quota.gpu-hours");

    public QuotaForm(SchoolQuota quota, boolean editable, Consumer<SchoolQuota> onSave) {
        setId("school-quota");
        perKey.setId("quota-gpus-per-key");
        perKey.setHelperText(getTranslation("quota.gpus-per-key-help"));
        gpus.setValue(quota.gpus());
        perKey.setValue(quota.gpusPerKey().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        cores.setValue(quota.cpuCores());
        memory.setValue(quota.memoryGib());
        labs.setValue(quota.concurrentLabs());
        storage.setValue(quota.storageGib());
        gpuHours.setValue(quota.gpuHoursPerMonth());
        add(gpus, perKey, cores, memory, labs, storage, gpuHours);
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {gpus, perKey, cores, memory, labs, storage, gpuHours}) {
            field.setReadOnly(!editable);
        }
        if (editable) {
            Button save = new Button(getTranslation("quota.save"), click -> onSave.accept(value()));
            save.setId("quota-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 4));
    }

    /** The quota as entered; an unreadable "key=count" entry counts as -1 and is refused by the service. */
    public SchoolQuota value() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (String entry : perKey.getValue().split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            int count;
            try {
                count = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1;
            } catch (NumberFormatException e) {
                count = -1;
            }
            keys.put(parts[0].strip(), count);
        }
        return new SchoolQuota(zero(gpus), keys, zero(cores), zero(memory), zero(labs), zero(storage), zero(gpuHours));
    }

    private static int zero(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private IntegerField field(String id, String labelKey) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setMin(0);
        return field;
    }
}

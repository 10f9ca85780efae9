package io.campuslab.web.quota;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import io.campuslab.domain.quota.Allowance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;

/**
 * The six values of an allowance, in the units people think in (cores, GiB), each empty for
 * "no limit of its own"; it knows no service and hands the allowance to whoever saves it.
 */
public class AllowanceForm extends FormLayout {

    private final BigDecimalField cores = new BigDecimalField();
    private final BigDecimalField memory = new BigDecimalField();
    private final IntegerField gpus = new IntegerField();
    private final IntegerField labs = new IntegerField();
    private final IntegerField gpuHours = new IntegerField();
    private final IntegerField gpuHoursTerm = new IntegerField();

    public AllowanceForm(String idPrefix, Allowance allowance, Consumer<Allowance> onSave) {
        field(cores, idPrefix + "-cpu", "allowances.cpu");
        field(memory, idPrefix + "-memory", "allowances.memory");
        field(gpus, idPrefix + "-gpus", "allowances.gpus");
        field(labs, idPrefix + "-labs", "allowances.labs");
        field(gpuHours, idPrefix + "-gpu-hours", "allowances.gpu-hours");
        field(gpuHoursTerm, idPrefix + "-gpu-hours-term", "allowances.gpu-hours-term");
        gpuHoursTerm.setMin(0);
        gpus.setMin(0);
        labs.setMin(1);
        gpuHours.setMin(0);
        show(allowance);
        Button save = new Button(getTranslation("allowances.save"), click -> onSave.accept(value()));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(cores, memory, gpus, labs, gpuHours, gpuHoursTerm, save);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3), new ResponsiveStep("70em", 7));
    }

    /** The allowance as entered. */
    public Allowance value() {
        return new Allowance(
                cores.getValue() == null ? null : cores.getValue().multiply(BigDecimal.valueOf(1000)).intValue(),
                memory.getValue() == null ? null : memory.getValue().multiply(BigDecimal.valueOf(1024)).intValue(),
                gpus.getValue(), labs.getValue(), gpuHours.getValue(), gpuHoursTerm.getValue());
    }

    private void show(Allowance allowance) {
        cores.setValue(allowance.maxCpuMillis() == null ? null
                : BigDecimal.valueOf(allowance.maxCpuMillis()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP).stripTrailingZeros());
        memory.setValue(allowance.maxMemoryMib() == null ? null
                : BigDecimal.valueOf(allowance.maxMemoryMib()).divide(BigDecimal.valueOf(1024), 3, RoundingMode.HALF_UP).stripTrailingZeros());
        gpus.setValue(allowance.maxGpus());
        labs.setValue(allowance.labsAtOnce());
        gpuHours.setValue(allowance.gpuHoursPerMonth());
        gpuHoursTerm.setValue(allowance.gpuHoursPerTerm());
    }

    private void field(Component field, String id, String labelKey) {
        field.setId(id);
        if (field instanceof BigDecimalField decimal) {
            decimal.setLabel(getTranslation(labelKey));
            decimal.setPlaceholder(getTranslation("allowances.no-limit"));
            decimal.setClearButtonVisible(true);
        } else if (field instanceof IntegerField integer) {
            integer.setLabel(getTranslation(labelKey));
            integer.setPlaceholder(getTranslation("allowances.no-limit"));
            integer.setClearButtonVisible(true);
        }
    }
}

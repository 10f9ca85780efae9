package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.function.SerializableFunction;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.classroom.SessionAnswer;
import io.campuslab.core.classroom.SessionDraft;
import io.campuslab.core.course.CourseSummary;
import io.campuslab.core.dataset.DatasetSummary;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.web.layout.ErrorMessages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scheduling a session: the lab each student gets (its size and GPUs, the course material and datasets
 * it mounts), when and how long, once or weekly until a last day, how long ahead the labs are prepared. "Check" says whether it fits and why not, before
 * anything is saved; "Schedule" saves it if it fits.
 */
class SessionForm extends VerticalLayout {

    /** What the form does with a draft: check it, or schedule it. */
    interface Action {
        SessionAnswer check(SessionDraft draft) throws CampusLabException;

        void schedule(SessionDraft draft) throws CampusLabException;
    }

    private final Select<CatalogItem> template = new Select<>();
    private final Select<CourseSummary> course = new Select<>();
    private final MultiSelectComboBox<DatasetSummary> datasets = new MultiSelectComboBox<>();
    private final DateTimePicker start = new DateTimePicker();
    private final IntegerField minutes = new IntegerField();
    private final IntegerField prepare = new IntegerField();
    private final Select<Integer> gpus = new Select<>();
    private final Select<String> gpuType = new Select<>();
    private final BigDecimalField cores = new BigDecimalField();
    private final BigDecimalField memory = new BigDecimalField();
    private final Checkbox weekly = new Checkbox();
    private final DatePicker until = new DatePicker();
    private final Paragraph answer = new Paragraph();
    private final SerializableFunction<Void, String> zone;

    SessionForm(List<CatalogItem> templates, List<CourseSummary> courses, List<DatasetSummary> offeredDatasets,
                SerializableFunction<Void, String> zone, Action action) {
        this.zone = zone;
        setPadding(false);
        template.setId("session-template");
        template.setLabel(getTranslation("session.template"));
        template.setItems(templates);
        template.setItemLabelGenerator(CatalogItem::displayName);
        templates.stream().findFirst().ifPresent(template::setValue);
        course.setId("session-course");
        course.setLabel(getTranslation("session.course"));
        course.setHelperText(getTranslation("session.course.help"));
        course.setEmptySelectionAllowed(true);
        course.setEmptySelectionCaption(getTranslation("session.course.none"));
        course.setItems(courses);
        course.setItemLabelGenerator(c -> c == null ? getTranslation("session.course.none") : c.title());
        course.addValueChangeListener(change -> {
            if (change.getValue() != null && change.getValue().defaultTemplate() != null) {
                templates.stream().filter(t -> t.name().equals(change.getValue().defaultTemplate())).findFirst()
                        .ifPresent(template::setValue);
            }
        });
        datasets.setId("session-datasets");
        datasets.setLabel(getTranslation("session.datasets"));
        datasets.setHelperText(getTranslation("session.datasets.help"));
        datasets.setItems(offeredDatasets);
        datasets.setItemLabelGenerator(DatasetSummary::displayName);
        start.setId("session-start");
        start.setLabel(getTranslation("session.start"));
        start.setStep(Duration.ofMinutes(5));
        start.setValue(LocalDateTime.now(ZoneId.of(zone.apply(null))).plusHours(1).truncatedTo(ChronoUnit.HOURS));
        minutes.setId("session-minutes");
        minutes.setLabel(getTranslation("session.minutes"));
        minutes.setMin(5);
        minutes.setMax(720);
        minutes.setValue(90);
        prepare.setId("session-prepare");
        prepare.setLabel(getTranslation("session.prepare"));
        prepare.setHelperText(getTranslation("session.prepare.help"));
        prepare.setMin(0);
        prepare.setMax(120);
        prepare.setValue(10);
        gpus.setId("session-gpus");
        gpus.setLabel(getTranslation("session.gpus"));
        gpus.setItemLabelGenerator(n -> n == 0 ? getTranslation("session.cpu-only") : getTranslation("lab.gpu-count", n));
        gpuType.setId("session-gpu-type");
        gpuType.setLabel(getTranslation("lab.gpu-type"));
        cores.setId("session-cores");
        memory.setId("session-memory");
        template.addValueChangeListener(change -> offerSizes(change.getValue()));
        offerSizes(template.getValue());
        gpus.addValueChangeListener(change -> gpuType.setEnabled(change.getValue() != null && change.getValue() > 0
                && gpuType.getListDataView().getItemCount() > 1));
        weekly.setId("session-weekly");
        weekly.setLabel(getTranslation("session.weekly"));
        until.setId("session-until");
        until.setLabel(getTranslation("session.until"));
        until.setEnabled(false);
        weekly.addValueChangeListener(change -> until.setEnabled(change.getValue()));

        Button check = new Button(getTranslation("session.check"), VaadinIcon.QUESTION_CIRCLE_O.create(), click -> {
            try {
                show(action.check(draft()));
            } catch (CampusLabException e) {
                showRefusal(ErrorMessages.text(e, getLocale()));
            }
        });
        check.setId("session-check");
        Button schedule = new Button(getTranslation("session.schedule"), VaadinIcon.CALENDAR.create(), click -> {
            try {
                action.schedule(draft());
                answer.setText("");
            } catch (CampusLabException e) {
                showRefusal(ErrorMessages.text(e, getLocale()));
            }
        });
        schedule.setId("session-schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        answer.setId("session-answer");
        FormLayout fields = new FormLayout(template, gpus, gpuType, cores, memory, course, datasets, start, minutes, prepare,
                weekly, until);
        add(fields, new HorizontalLayout(check, schedule), answer);
    }

    /** The template's sizes: GPUs up to its maximum and of the types it has images for, cores and memory from its default. */
    private void offerSizes(CatalogItem item) {
        int most = item == null || !item.hasGpuImage() ? 0 : item.maxResources().gpus();
        gpus.setItems(IntStream.rangeClosed(0, most).boxed().toList());
        gpus.setValue(0);
        gpus.setEnabled(most > 0);
        List<String> types = item == null ? List.of() : item.gpuImages().keySet().stream().sorted().toList();
        gpuType.setItems(types);
        gpuType.setValue(types.isEmpty() ? null : types.get(0));
        gpuType.setEnabled(false);
        if (item != null) {
            cores.setLabel(getTranslation("lab.cores", item.maxResources().cpuMillis() / 1000.0));
            cores.setValue(BigDecimal.valueOf(item.defaultResources().cpuMillis() / 1000.0).stripTrailingZeros());
            memory.setLabel(getTranslation("lab.memory", item.maxResources().memoryMib() / 1024.0));
            memory.setValue(BigDecimal.valueOf(item.defaultResources().memoryMib() / 1024.0).stripTrailingZeros());
        }
    }

    private SessionDraft draft() {
        return new SessionDraft(template.getValue() == null ? null : template.getValue().name(), start.getValue(),
                minutes.getValue() == null ? 0 : minutes.getValue(), weekly.getValue() ? until.getValue() : null,
                zone.apply(null), prepare.getValue() == null ? 0 : prepare.getValue(),
                cores.getValue() == null ? null : cores.getValue().multiply(BigDecimal.valueOf(1000)).intValue(),
                memory.getValue() == null ? null : memory.getValue().multiply(BigDecimal.valueOf(1024)).intValue(),
                gpus.getValue() == null ? 0 : gpus.getValue(),
                gpus.getValue() != null && gpus.getValue() > 0 ? gpuType.getValue() : null, null,
                course.getValue() == null ? null : course.getValue().name(),
                datasets.getValue().stream().map(DatasetSummary::name).sorted().toList());
    }

    private void show(SessionAnswer checked) {
        answer.setText(getTranslation(checked.messageKey(), checked.arguments().toArray()));
        answer.getStyle().set("color", checked.fits() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    private void showRefusal(String text) {
        answer.setText(text);
        answer.getStyle().set("color", "var(--lumo-error-text-color)");
    }
}

package io.campuslab.web.lab;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.classroom.SessionCard;
import io.campuslab.core.classroom.TodaysSessions;
import io.campuslab.web.classroom.BrowserZone;
import io.campuslab.web.classroom.TodaysSessionCard;
import io.campuslab.core.lab.LabRequest;
import io.campuslab.core.lab.LabService;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.lab.UsageMeter;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabState;
import io.campuslab.web.catalog.TemplateCard;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.Refresh;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * My lab: the member's active lab with its state, why it waits and its place in the queue, a warning
 * with a button that keeps it when it is about to be stopped as idle, kept current while the page
 * is open; or, without one, the school's labs to start on CPU or GPU. Below, this month's usage.
 */
@Route(value = "lab", layout = MainLayout.class)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
public class MyLabView extends VerticalLayout implements HasDynamicTitle {

    /** How often the page asks for the lab's state while it is open. */
    private static final int REFRESH_MILLIS = 10_000;

    private final LabService labs;
    private final CatalogService catalog;
    private final TodaysSessions today;
    private final VerticalLayout sessions = new VerticalLayout();
    private List<SessionCard> shownSessions = List.of();
    private final VerticalLayout current = new VerticalLayout();
    private final Paragraph usage = new Paragraph();
    private final FlexLayout choices = new FlexLayout();
    private LabView shown;

    @Inject
    public MyLabView(LabService labs, CatalogService catalog, TodaysSessions today, LabSignals signals) {
        this.labs = labs;
        this.catalog = catalog;
        this.today = today;
        sessions.setPadding(false);
        sessions.setId("todays-sessions");
        current.setPadding(false);
        choices.setId("lab-choices");
        choices.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        choices.getStyle().set("gap", "var(--lumo-space-m)");
        usage.setId("lab-usage");
        usage.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(sessions, new H3(getTranslation("lab.title")), current, choices, usage);
        refresh();
        Refresh.whileShown(this, REFRESH_MILLIS, signals, this::refreshIfChanged);
        addAttachListener(attach -> BrowserZone.whenKnown(attach.getUI(), this::showSessions));
    }

    private void refreshIfChanged() {
        Optional<LabView> latest = latest();
        boolean same = latest.isPresent() == (shown != null) && latest.map(l -> l.equals(shown)).orElse(true);
        if (!same) {
            refresh();
        } else {
            showSessions();
        }
    }

    /** Today's sessions, each with its countdown and the one button that opens the student's lab. */
    private void showSessions() {
        try {
            shownSessions = today.mine();
        } catch (CampusLabException e) {
            shownSessions = List.of();
        }
        sessions.removeAll();
        java.time.ZoneId zone = getUI().map(BrowserZone::of).orElse(java.time.ZoneOffset.UTC);
        shownSessions.forEach(card -> sessions.add(new TodaysSessionCard(card, zone, today, this::refresh)));
    }

    private Optional<LabView> latest() {
        try {
            List<LabView> mine = labs.mine();
            return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(0));
        } catch (CampusLabException e) {
            return Optional.empty();
        }
    }

    private void refresh() {
        current.removeAll();
        choices.removeAll();
        showUsage();
        showSessions();
        shown = latest().orElse(null);
        if (shown != null) {
            current.add(new LabStatusCard(shown));
            if (shown.idleWarning()) {
                current.add(idleWarning(shown));
            }
            if (shown.stopsAt() != null && shown.state().isActive()) {
                current.add(stopNotice(shown));
            }
            HorizontalLayout actions = new HorizontalLayout();
            if (shown.state() == LabState.RUNNING) {
                List<String> ports = shown.ports().isEmpty() ? List.of("") : shown.ports();
                for (int i = 0; i < ports.size(); i++) {
                    actions.add(openButton(shown.id(), i == 0 ? null : ports.get(i)));
                }
            }
            if (shown.state().isActive()) {
                Button stop = new Button(getTranslation("lab.stop"), VaadinIcon.STOP.create(), click -> stop(shown.id()));
                stop.setId("lab-stop");
                stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(stop);
                current.add(actions);
                return;
            }
        }
        current.add(new Paragraph(getTranslation("lab.choose")));
        try {
            catalog.offered().forEach(item -> choices.add(choice(item)));
        } catch (CampusLabException e) {
            choices.add(new Paragraph(ErrorMessages.text(e, getLocale())));
        }
    }

    /** Opens one port of the lab in a new tab: the first port as "Open", the others by their names. */
    private Anchor openButton(long id, String port) {
        Button button = new Button(port == null ? getTranslation("lab.open") : getTranslation("lab.open-port", port),
                VaadinIcon.EXTERNAL_LINK.create());
        if (port == null) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        Anchor open = new Anchor("open-lab/" + id + (port == null ? "" : "/" + port), button);
        open.setTarget("_blank");
        open.setId(port == null ? "lab-open" : "lab-open-" + port);
        open.getElement().setAttribute("router-ignore", true);
        return open;
    }

    /** A session's lab says when its session stops it; a lab giving its room back to a session, when it stops. */
    private Div stopNotice(LabView lab) {
        String at = BrowserZone.time(lab.stopsAt(), getUI().map(BrowserZone::of).orElse(java.time.ZoneOffset.UTC));
        Div notice = new Div(new Span(getTranslation(lab.reclaimed() ? "lab.reclaim-warning" : "lab.session-stops", at)));
        notice.setId(lab.reclaimed() ? "lab-reclaim-warning" : "lab-session-stops");
        notice.getElement().getThemeList().add(lab.reclaimed() ? "badge warning" : "badge");
        notice.getStyle().set("padding", "var(--lumo-space-s)");
        return notice;
    }

    /** Nobody used the lab for a while: it says when it stops, and one click keeps it. */
    private Div idleWarning(LabView lab) {
        long minutes = Math.max(0, Duration.between(Instant.now(), lab.idleStopAt()).toMinutes());
        Button keep = new Button(getTranslation("lab.keep"), VaadinIcon.CLOCK.create(), click -> keep(lab.id()));
        keep.setId("lab-keep");
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div warning = new Div(new Span(getTranslation("lab.idle-warning", minutes)), keep);
        warning.setId("lab-idle-warning");
        warning.getElement().getThemeList().add("badge warning");
        warning.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("padding", "var(--lumo-space-s)");
        return warning;
    }

    private void showUsage() {
        try {
            UsageMeter meter = labs.usage();
            String month = getTranslation("lab.usage", meter.cpuCoreHours(), meter.gpuHours(), meter.schoolGpuHours(),
                    meter.schoolGpuHoursBudget());
            String inSessions = meter.sessionGpuHours() < 0.05 ? "" : " " + getTranslation("lab.usage-sessions", meter.sessionGpuHours());
            String term = meter.termOrNull() == null || meter.termGpuHoursBudgetOrNull() == null ? ""
                    : " " + getTranslation(meter.termBudgetSpent() ? "lab.usage-term-spent" : "lab.usage-term",
                            meter.termGpuHours(), meter.termGpuHoursBudgetOrNull(), meter.termOrNull().ends().toString());
            usage.setText(month + inSessions + term);
        } catch (CampusLabException e) {
            usage.setText("");
        }
    }

    private void keep(long id) {
        try {
            labs.keep(id);
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private TemplateCard choice(CatalogItem item) {
        TemplateCard card = new TemplateCard(item, () -> catalog.icon(item.name()));
        BigDecimalField cores = sizeField("cores-" + item.name(), "lab.cores", item.defaultResources().cpuMillis() / 1000.0,
                item.maxResources().cpuMillis() / 1000.0);
        BigDecimalField memory = sizeField("memory-" + item.name(), "lab.memory", item.defaultResources().memoryMib() / 1024.0,
                item.maxResources().memoryMib() / 1024.0);
        Details size = new Details(getTranslation("lab.size-choice"), new HorizontalLayout(cores, memory));
        size.setId("size-" + item.name());
        Button cpu = new Button(getTranslation("lab.start-cpu"), VaadinIcon.PLAY.create(),
                click -> start(item, 0, null, cores, memory));
        cpu.setId("start-" + item.name());
        cpu.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout actions = new FlexLayout(cpu);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(Alignment.BASELINE);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        card.add(size, actions);
        if (item.hasGpuImage() && item.maxResources().gpus() > 0) {
            Select<Integer> count = new Select<>();
            count.setId("gpus-" + item.name());
            count.setItems(IntStream.rangeClosed(1, item.maxResources().gpus()).boxed().toList());
            count.setItemLabelGenerator(n -> getTranslation("lab.gpu-count", n));
            count.setValue(1);
            count.setWidth("8rem");
            Select<String> type = new Select<>();
            type.setId("gpu-type-" + item.name());
            type.setItems(item.gpuImages().keySet().stream().sorted().toList());
            type.setValue(type.getListDataView().getItem(0));
            type.setAriaLabel(getTranslation("lab.gpu-type"));
            type.setVisible(item.gpuImages().size() > 1);
            Button gpu = new Button(getTranslation("lab.start-gpu"), VaadinIcon.FLASH.create(),
                    click -> start(item, count.getValue(), type.getValue(), cores, memory));
            gpu.setId("start-gpu-" + item.name());
            actions.add(count, type, gpu);
        }
        return card;
    }

    /** A size field in whole or half units, from the template's default up to its maximum. */
    private BigDecimalField sizeField(String id, String labelKey, double value, double max) {
        BigDecimalField field = new BigDecimalField(getTranslation(labelKey, max));
        field.setId(id);
        field.setValue(BigDecimal.valueOf(value).stripTrailingZeros());
        field.setWidth("9rem");
        return field;
    }

    private void start(CatalogItem item, int gpus, String gpuKey, BigDecimalField cores, BigDecimalField memory) {
        Integer cpuMillis = cores.getValue() == null ? null : cores.getValue().multiply(BigDecimal.valueOf(1000)).intValue();
        Integer memoryMib = memory.getValue() == null ? null : memory.getValue().multiply(BigDecimal.valueOf(1024)).intValue();
        try {
            labs.request(new LabRequest(item.name(), cpuMillis, memoryMib, gpus, gpus > 0 ? gpuKey : null, null));
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void stop(long id) {
        try {
            labs.stop(id);
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lab.title");
    }
}

package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.campuslab.core.classroom.ConsoleRow;
import io.campuslab.core.classroom.SessionConsole;
import io.campuslab.core.classroom.SessionService;
import io.campuslab.core.classroom.SessionSummary;
import io.campuslab.core.quota.AllowanceService;
import io.campuslab.web.quota.AllowanceForm;
import com.vaadin.flow.component.dialog.Dialog;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.classroom.SessionPhase;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabState;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.layout.Refresh;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The teacher's console of a session, kept current while it is open: where the session stands and
 * when it ends, extend or end it; a row per student with their lab, time in it, last activity,
 * place in the queue and whether they came; open, restart or stop one student's lab or the
 * selected students' labs; attendance as CSV.
 */
@Route(value = "sessions", layout = MainLayout.class)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
public class SessionConsoleView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final int REFRESH_MILLIS = 10_000;

    private final SessionConsole console;
    private final SessionService sessions;
    private final AllowanceService allowances;
    private final H3 title = new H3();
    private final Paragraph status = new Paragraph();
    private final Grid<ConsoleRow> grid = new Grid<>();
    private final Anchor attendance = new Anchor();
    private long id;
    private SessionConsole.View shown;

    @Inject
    public SessionConsoleView(SessionConsole console, SessionService sessions, AllowanceService allowances, LabSignals signals) {
        this.console = console;
        this.sessions = sessions;
        this.allowances = allowances;
        status.setId("console-status");
        configureGrid();
        add(title, status, sessionActions(), studentActions(), grid);
        Refresh.whileShown(this, REFRESH_MILLIS, signals, this::refresh);
        addAttachListener(attach -> BrowserZone.whenKnown(attach.getUI(), this::refresh));
    }

    @Override
    public void setParameter(BeforeEvent event, Long sessionId) {
        this.id = sessionId;
        attendance.setHref(new StreamResource("attendance-" + sessionId + ".csv", () -> new ByteArrayInputStream(csv())));
        refresh();
    }

    private HorizontalLayout sessionActions() {
        IntegerField minutes = new IntegerField();
        minutes.setId("console-extend-minutes");
        minutes.setValue(15);
        minutes.setMin(1);
        minutes.setWidth("7rem");
        minutes.setSuffixComponent(new Span(getTranslation("session.minutes-short")));
        Button extend = new Button(getTranslation("session.extend"), VaadinIcon.PLUS_CIRCLE_O.create(), click -> act(() -> {
            sessions.extend(id, minutes.getValue() == null ? 0 : minutes.getValue());
            return null;
        }));
        extend.setId("console-extend");
        Button end = new Button(getTranslation("session.end"), VaadinIcon.STOP.create(), click -> act(() -> {
            sessions.end(id);
            return null;
        }));
        end.setId("console-end");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        attendance.add(new Button(getTranslation("session.attendance"), VaadinIcon.DOWNLOAD.create()));
        attendance.setId("console-attendance");
        attendance.getElement().setAttribute("download", true);
        HorizontalLayout row = new HorizontalLayout(minutes, extend, end, attendance);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout studentActions() {
        Button restart = new Button(getTranslation("session.restart-selected"), VaadinIcon.REFRESH.create(),
                click -> act(() -> console.restart(id, selected())));
        restart.setId("console-restart");
        Button stop = new Button(getTranslation("session.stop-selected"), VaadinIcon.STOP.create(),
                click -> act(() -> console.stop(id, selected())));
        stop.setId("console-stop");
        return new HorizontalLayout(restart, stop);
    }

    private void configureGrid() {
        grid.setId("console-students");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setAllRowsVisible(true);
        grid.addColumn(ConsoleRow::name).setHeader(getTranslation("session.student")).setAutoWidth(true);
        grid.addColumn(ConsoleRow::username).setHeader(getTranslation("session.username"));
        grid.addComponentColumn(this::stateBadge).setHeader(getTranslation("session.lab")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(r -> r.queuePosition() == null ? "" : r.queuePosition().toString()).setHeader(getTranslation("session.queue"));
        grid.addColumn(r -> getTranslation("session.minutes-used", r.minutesUsed())).setHeader(getTranslation("session.time-used"));
        grid.addColumn(r -> r.lastActivity() == null ? "" : BrowserZone.time(r.lastActivity(), zone()))
                .setHeader(getTranslation("session.last-activity"));
        grid.addColumn(r -> r.attended() ? "✓ " + BrowserZone.time(r.firstOpened(), zone()) : "")
                .setHeader(getTranslation("session.attended"));
        grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
    }

    private Span stateBadge(ConsoleRow row) {
        String state = row.state() == null ? getTranslation("session.no-lab")
                : getTranslation("lab.state." + row.state().name().toLowerCase());
        boolean saysMore = row.state() != null && row.state() != LabState.RUNNING;
        Span badge = new Span(saysMore ? state + " · " + getTranslation(row.reasonKey(), row.reasonDetail()) : state);
        badge.setId("console-state-" + row.username());
        badge.getElement().setAttribute("data-state", row.state() == null ? "NONE" : row.state().name());
        badge.getElement().getThemeList().add(row.state() == LabState.RUNNING ? "badge success"
                : row.state() == LabState.FAILED ? "badge error" : "badge");
        return badge;
    }

    private HorizontalLayout rowActions(ConsoleRow row) {
        HorizontalLayout actions = new HorizontalLayout();
        if (row.state() == LabState.RUNNING && row.labId() != null) {
            Anchor open = new Anchor("open-lab/" + row.labId(), getTranslation("lab.open"));
            open.setTarget("_blank");
            open.getElement().setAttribute("router-ignore", true);
            open.setId("console-open-" + row.username());
            actions.add(open);
        }
        Button restart = new Button(VaadinIcon.REFRESH.create(), click -> act(() -> console.restart(id, List.of(row.username()))));
        restart.setId("console-restart-" + row.username());
        restart.setTooltipText(getTranslation("session.restart"));
        restart.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button stop = new Button(VaadinIcon.STOP.create(), click -> act(() -> console.stop(id, List.of(row.username()))));
        stop.setId("console-stop-" + row.username());
        stop.setTooltipText(getTranslation("lab.stop"));
        stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        Button raise = new Button(VaadinIcon.SLIDERS.create(), click -> raise(row));
        raise.setId("console-raise-" + row.username());
        raise.setTooltipText(getTranslation("session.raise"));
        raise.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actions.add(restart, stop, raise);
        return actions;
    }

    /** The student's own allowance (GPU-hours a month, GPUs and size per lab), within the school's quota. */
    private void raise(ConsoleRow row) {
        try {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("session.raise-for", row.name()));
            dialog.add(new Paragraph(getTranslation("session.raise.help")), new AllowanceForm("raise", allowances.ofMember(row.username()),
                    allowance -> {
                        try {
                            allowances.setForMember(row.username(), allowance);
                            dialog.close();
                            ErrorMessages.notify(getTranslation("allowances.saved"), "raise-saved",
                                    com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                        } catch (CampusLabException e) {
                            ErrorMessages.show(e);
                        }
                    }));
            dialog.setWidth("min(60rem, 95vw)");
            dialog.open();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private Collection<String> selected() {
        return grid.getSelectedItems().stream().map(ConsoleRow::username).toList();
    }

    /** An action of the teacher; the console shows its outcome at once, or why it was refused. */
    private void act(Action action) {
        try {
            action.run();
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private interface Action {
        Object run() throws CampusLabException;
    }

    private void refresh() {
        if (id == 0) {
            return;
        }
        try {
            SessionConsole.View latest = console.view(id);
            if (latest.equals(shown)) {
                showStatus(latest.session());
                return;
            }
            shown = latest;
            title.setText(latest.session().classroom() + " · " + BrowserZone.when(latest.session().startsAt(), zone()));
            showStatus(latest.session());
            var selection = selected();
            grid.setItems(latest.students());
            latest.students().stream().filter(r -> selection.contains(r.username())).forEach(grid::select);
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    /** Where the session stands, with the minutes to its next moment. */
    private void showStatus(SessionSummary session) {
        String phase = getTranslation(session.phase().messageKey());
        String when = BrowserZone.countdown(this, session, Instant.now(), zone());
        status.setText(phase + (when.isEmpty() ? "" : " · " + when));
        status.getElement().setAttribute("data-phase", session.phase().name());
        boolean open = session.phase() != SessionPhase.ENDED && session.phase() != SessionPhase.CANCELLED;
        status.getStyle().set("font-weight", open ? "bold" : "normal");
    }

    private byte[] csv() {
        try {
            return console.attendance(id, zone()).getBytes(StandardCharsets.UTF_8);
        } catch (CampusLabException e) {
            return new byte[0];
        }
    }

    private java.time.ZoneId zone() {
        return getUI().map(BrowserZone::of).orElse(java.time.ZoneOffset.UTC);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("session.console");
    }
}

package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.campuslab.core.classroom.ConsoleRow;
import io.campuslab.core.classroom.SessionConsole;
import io.campuslab.core.classroom.SessionService;
import io.campuslab.core.classroom.SessionSummary;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.quota.AllowanceService;
import io.campuslab.domain.classroom.SessionPhase;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabState;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.layout.Refresh;
import io.campuslab.web.quota.AllowanceForm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The teacher's console of a session, kept current while it is open: where the session stands and
 * when it ends, extend or end it; a row per student with their lab, time in it, last activity,
 * place in the queue, whether they came and when their lab stops; open, restart, stop or keep
 * longer one student's lab or the selected students' labs; attendance as CSV.
 */
@Route(value = "sessions", layout = MainLayout.class)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
public class SessionConsoleView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    /** How much longer one click keeps a student's lab. */
    private static final int KEEP_MINUTES = 15;
    private static final int REFRESH_MILLIS = 10_000;

    private final SessionConsole console;
    private final SessionService sessions;
    private final AllowanceService allowances;
    private final H3 title = new H3();
    private final Paragraph status = new Paragraph();
    private final Grid<ConsoleRow> grid = new Grid<>();
    private final List<ConsoleRow> students = new ArrayList<>();
    /** Rows are students by username: a student whose lab changes keeps their row, selection and buttons. */
    private final ListDataProvider<ConsoleRow> rows = new ListDataProvider<>(students) {
        @Override
        public Object getId(ConsoleRow row) {
            return row.username();
        }
    };
    private final Anchor attendance = new Anchor();
    private Button extend;
    private Button end;
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
        extend = new Button(getTranslation("session.extend"), VaadinIcon.PLUS_CIRCLE_O.create(), click -> act(() -> {
            sessions.extend(id, minutes.getValue() == null ? 0 : minutes.getValue());
            return null;
        }));
        extend.setId("console-extend");
        end = new Button(getTranslation("session.end"), VaadinIcon.STOP.create(), click -> act(() -> {
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
        Button keep = new Button(getTranslation("session.keep-selected", KEEP_MINUTES), VaadinIcon.CLOCK.create(),
                click -> act(() -> console.keep(id, selected(), KEEP_MINUTES)));
        keep.setId("console-keep");
        return new HorizontalLayout(restart, stop, keep);
    }

    private void configureGrid() {
        grid.setId("console-students");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        // only the names size their columns: a column that widens with a lab's state would move the
        // buttons under the teacher's pointer as the console refreshes
        grid.addColumn(LitRenderer.<ConsoleRow>of("<div>${item.name}</div><div style=\"font-size: var(--lumo-font-size-s);"
                        + " color: var(--lumo-secondary-text-color)\">${item.username}</div>")
                        .withProperty("name", ConsoleRow::name)
                        .withProperty("username", ConsoleRow::username))
                .setHeader(getTranslation("session.student")).setAutoWidth(true).setFlexGrow(1);
        // the cells that change or act are rendered in the browser: a row that changes keeps its
        // elements, so a click never lands on a copy the server has already replaced
        grid.addColumn(LitRenderer.<ConsoleRow>of("<span id=\"console-state-${item.username}\" data-state=\"${item.state}\""
                        + " theme=\"${item.theme}\">${item.text}</span>"
                        + "<div style=\"white-space: normal; font-size: var(--lumo-font-size-xs);"
                        + " color: var(--lumo-secondary-text-color)\">${item.reason}</div>")
                        .withProperty("username", ConsoleRow::username)
                        .withProperty("state", r -> r.state() == null ? "NONE" : r.state().name())
                        .withProperty("theme", r -> r.state() == LabState.RUNNING ? "badge success"
                                : r.state() == LabState.FAILED ? "badge error" : "badge")
                        .withProperty("text", r -> r.state() == null ? getTranslation("session.no-lab")
                                : getTranslation("lab.state." + r.state().name().toLowerCase()))
                        .withProperty("reason", this::reason))
                .setHeader(getTranslation("session.lab")).setWidth("7rem").setFlexGrow(2);
        grid.addColumn(r -> r.queuePosition() == null ? "" : r.queuePosition().toString()).setHeader(getTranslation("session.queue"))
                .setWidth("5rem").setFlexGrow(0);
        grid.addColumn(r -> getTranslation("session.minutes-used", r.minutesUsed())).setHeader(getTranslation("session.time-used"))
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(r -> r.lastActivity() == null ? "" : BrowserZone.time(r.lastActivity(), zone()))
                .setHeader(getTranslation("session.last-activity")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<ConsoleRow>of("<span id=\"console-stops-${item.username}\" data-stops=\"${item.iso}\">"
                        + "${item.time}</span>")
                        .withProperty("username", ConsoleRow::username)
                        .withProperty("iso", r -> r.stopsAt() == null ? "" : r.stopsAt().toString())
                        .withProperty("time", r -> r.stopsAt() == null ? "" : BrowserZone.time(r.stopsAt(), zone())))
                .setHeader(getTranslation("session.stops")).setWidth("5rem").setFlexGrow(0);
        grid.addColumn(r -> r.attended() ? "✓ " + BrowserZone.time(r.firstOpened(), zone()) : "")
                .setHeader(getTranslation("session.attended")).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(rowActions()).setWidth("13rem").setFlexGrow(0);
    }

    /** Why a lab is not running, as the teacher reads it. */
    private String reason(ConsoleRow row) {
        if (row.state() == null || row.state() == LabState.RUNNING) {
            return "";
        }
        // the student's own words ("Stopped by you") would name the teacher here
        String key = row.reasonKey().equals("lab.reason.stopped-by-user") ? "session.stopped-by-student" : row.reasonKey();
        return getTranslation(key, row.reasonDetail());
    }

    /**
     * Restart, stop, keep longer and raise the allowance of one student, always in the same places;
     * the link to a running lab comes last.
     */
    private LitRenderer<ConsoleRow> rowActions() {
        return LitRenderer.<ConsoleRow>of("<vaadin-horizontal-layout theme=\"spacing-xs\" style=\"align-items: center\">"
                        + iconButton("restart", "vaadin:refresh", "small icon tertiary", "")
                        + iconButton("stop", "vaadin:stop", "small icon tertiary error", "")
                        + iconButton("keep", "vaadin:clock", "small icon tertiary", " ?disabled=\"${!item.keepable}\"")
                        + iconButton("raise", "vaadin:sliders", "small icon tertiary", "")
                        + "<a id=\"console-open-${item.username}\" href=\"${item.open}\" target=\"_blank\" router-ignore"
                        + " ?hidden=\"${!item.open}\" title=\"${item.openLabel}\" aria-label=\"${item.openLabel}\">"
                        + "<vaadin-icon icon=\"vaadin:external-link\" style=\"width: var(--lumo-icon-size-s); height: var(--lumo-icon-size-s)\">"
                        + "</vaadin-icon></a>"
                        + "</vaadin-horizontal-layout>")
                .withProperty("username", ConsoleRow::username)
                .withProperty("keepable", r -> r.stopsAt() != null)
                .withProperty("open", r -> r.state() == LabState.RUNNING && r.labId() != null ? "open-lab/" + r.labId() : "")
                .withProperty("openLabel", r -> getTranslation("lab.open"))
                .withProperty("restartLabel", r -> getTranslation("session.restart"))
                .withProperty("stopLabel", r -> getTranslation("lab.stop"))
                .withProperty("keepLabel", r -> getTranslation("session.keep", KEEP_MINUTES))
                .withProperty("raiseLabel", r -> getTranslation("session.raise"))
                .withFunction("restart", r -> act(() -> console.restart(id, List.of(r.username()))))
                .withFunction("stop", r -> act(() -> console.stop(id, List.of(r.username()))))
                .withFunction("keep", r -> act(() -> console.keep(id, List.of(r.username()), KEEP_MINUTES)))
                .withFunction("raise", this::raise);
    }

    private static String iconButton(String action, String icon, String theme, String more) {
        return "<vaadin-button id=\"console-" + action + "-${item.username}\" theme=\"" + theme + "\""
                + " aria-label=\"${item." + action + "Label}\" @click=\"${" + action + "}\"" + more + ">"
                + "<vaadin-icon icon=\"" + icon + "\"></vaadin-icon>"
                + "<vaadin-tooltip slot=\"tooltip\" text=\"${item." + action + "Label}\"></vaadin-tooltip></vaadin-button>";
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

    private static List<String> usernames(SessionConsole.View view) {
        return view.students().stream().map(ConsoleRow::username).toList();
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
            SessionConsole.View shownBefore = shown;
            shown = latest;
            title.setText(latest.session().classroom() + " · " + BrowserZone.when(latest.session().startsAt(), zone()));
            showStatus(latest.session());
            var selection = selected();
            boolean sameRoster = shownBefore != null && usernames(shownBefore).equals(usernames(latest));
            students.clear();
            students.addAll(latest.students());
            rows.refreshAll();
            if (!sameRoster) {
                grid.recalculateColumnWidths();
            }
            latest.students().stream().filter(r -> selection.contains(r.username())).forEach(grid::select);
        } catch (NotFoundException e) {
            // not the caller's session, or deleted: nothing of it is shown, and nothing more is asked
            id = 0;
            removeAll();
            Paragraph missing = new Paragraph(ErrorMessages.text(e, getLocale()));
            missing.setId("console-missing");
            add(title, missing);
            title.setText(getTranslation("session.console"));
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
        // once over, the session can be neither extended nor ended
        boolean changeable = session.phase() == SessionPhase.SCHEDULED || session.phase() == SessionPhase.PREPARING
                || session.phase() == SessionPhase.LIVE;
        extend.setEnabled(changeable);
        end.setEnabled(changeable);
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

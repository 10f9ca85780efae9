package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.classroom.ClassroomService;
import io.campuslab.core.classroom.ClassroomSummary;
import io.campuslab.core.classroom.SessionAnswer;
import io.campuslab.core.classroom.SessionDraft;
import io.campuslab.core.classroom.SessionService;
import io.campuslab.core.classroom.SessionSummary;
import io.campuslab.core.course.CourseService;
import io.campuslab.core.dataset.DatasetService;
import io.campuslab.core.identity.DirectoryGroup;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/** One classroom: its roster, its sessions with their consoles, and scheduling a new session. */
@Route(value = "classroom", layout = MainLayout.class)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
public class ClassroomView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ClassroomService classrooms;
    private final SessionService sessions;
    private final CatalogService catalog;
    private final CourseService courses;
    private final DatasetService datasets;
    private final io.campuslab.core.identity.MemberPasswords passwords;
    private final Grid<SessionSummary> sessionGrid = new Grid<>();
    private final H3 title = new H3();
    private long id;

    @Inject
    public ClassroomView(ClassroomService classrooms, SessionService sessions, CatalogService catalog, CourseService courses,
                         DatasetService datasets, io.campuslab.core.identity.MemberPasswords passwords) {
        this.passwords = passwords;
        this.classrooms = classrooms;
        this.sessions = sessions;
        this.catalog = catalog;
        this.courses = courses;
        this.datasets = datasets;
        addAttachListener(attach -> BrowserZone.whenKnown(attach.getUI(), this::showSessions));
    }

    @Override
    public void setParameter(BeforeEvent event, Long classroomId) {
        this.id = classroomId;
        removeAll();
        try {
            ClassroomSummary classroom = classrooms.get(id);
            title.setText(classroom.name());
            if (classroom.archived()) {
                // kept from an earlier year: its roster and sessions to read, nothing to change
                com.vaadin.flow.component.html.Paragraph archived = new com.vaadin.flow.component.html.Paragraph(
                        getTranslation("classroom.archived-note", String.join(", ", classroom.students())));
                archived.setId("classroom-archived");
                configureGrid();
                add(title, archived, new H4(getTranslation("session.title")), sessionGrid);
                showSessions();
                return;
            }
            RosterEditor roster = new RosterEditor(classrooms.candidates(), classroom.students(), this::saveRoster,
                    directoryGroups(), this::addGroup);
            SessionForm.Action action = new SessionForm.Action() {
                @Override
                public SessionAnswer check(SessionDraft draft) throws CampusLabException {
                    return sessions.check(id, draft);
                }

                @Override
                public void schedule(SessionDraft draft) throws CampusLabException {
                    sessions.schedule(id, draft);
                    showSessions();
                    ErrorMessages.notify(getTranslation("session.scheduled"), "session-scheduled",
                            com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                }
            };
            SessionForm form = new SessionForm(catalog.offered(), courses.list(), datasets.list(), none -> zone().getId(), action);
            configureGrid();
            add(title, roster, passwordReset(classroom.students()), new H4(getTranslation("session.title")), sessionGrid,
                    new H4(getTranslation("session.new")), form);
            showSessions();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    /** A student of the roster forgot their password: a one-time one, shown once, changed at their next sign-in. */
    private com.vaadin.flow.component.Component passwordReset(java.util.List<String> students) {
        com.vaadin.flow.component.select.Select<String> student = new com.vaadin.flow.component.select.Select<>();
        student.setId("password-reset-student");
        student.setPlaceholder(getTranslation("classroom.password-reset-who"));
        student.setItems(students);
        com.vaadin.flow.component.button.Button reset = new com.vaadin.flow.component.button.Button(
                getTranslation("members.reset-password"), click -> {
            if (student.getValue() == null) {
                return;
            }
            try {
                io.campuslab.core.identity.ImportedPerson person = passwords.reset(student.getValue());
                io.campuslab.web.identity.PasswordHandover.showReset(person);
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        reset.setId("password-reset-button");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout row =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(student, reset);
        row.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void configureGrid() {
        sessionGrid.setId("sessions");
        sessionGrid.setAllRowsVisible(true);
        sessionGrid.addColumn(s -> BrowserZone.when(s.startsAt(), zone())).setHeader(getTranslation("session.start")).setAutoWidth(true);
        sessionGrid.addColumn(s -> BrowserZone.time(s.endsAt(), zone())).setHeader(getTranslation("session.ends"));
        sessionGrid.addColumn(SessionSummary::template).setHeader(getTranslation("session.template"));
        sessionGrid.addColumn(this::material).setHeader(getTranslation("session.material"));
        sessionGrid.addColumn(s -> s.gpus() == 0 ? getTranslation("session.cpu-only") : getTranslation("lab.gpu-count", s.gpus()))
                .setHeader(getTranslation("session.gpus"));
        sessionGrid.addColumn(s -> getTranslation(s.phase().messageKey())).setHeader(getTranslation("session.phase"));
        sessionGrid.addComponentColumn(s -> {
            Button console = new Button(getTranslation("session.console"), VaadinIcon.DASHBOARD.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate(SessionConsoleView.class, s.id())));
            console.setId("console-" + s.id());
            console.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return console;
        });
    }

    /** The course and datasets the labs mount, or that they mount the school's. */
    private String material(SessionSummary session) {
        String course = session.course() == null ? getTranslation("session.material.courses") : session.course();
        String data = session.datasets().isEmpty() ? getTranslation("session.material.datasets")
                : String.join(", ", session.datasets());
        return course + " · " + data;
    }

    private void showSessions() {
        try {
            List<SessionSummary> list = sessions.list(id);
            sessionGrid.setItems(list);
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void saveRoster(List<String> usernames) {
        try {
            classrooms.setRoster(id, usernames);
            ErrorMessages.notify(getTranslation("classroom.roster-saved", usernames.size()), "roster-saved",
                    com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    /** The school's directory groups; none, with the reason shown, when the directory does not answer. */
    private List<DirectoryGroup> directoryGroups() throws CampusLabException {
        try {
            return classrooms.directoryGroups();
        } catch (DirectoryUnavailableException e) {
            ErrorMessages.show(e);
            return List.of();
        }
    }

    private ClassroomService.GroupAdded addGroup(DirectoryGroup group) {
        try {
            return classrooms.addGroup(id, group.id());
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
            return null;
        }
    }

    private java.time.ZoneId zone() {
        return getUI().map(BrowserZone::of).orElse(java.time.ZoneOffset.UTC);
    }

    @Override
    public String getPageTitle() {
        return title.getText().isEmpty() ? getTranslation("classroom.title") : title.getText();
    }
}

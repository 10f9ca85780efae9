package io.campuslab.system.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.account.MemberAccounts;
import io.campuslab.core.account.MemberRemoval;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.classroom.ClassroomService;
import io.campuslab.core.classroom.ClassroomSummary;
import io.campuslab.core.classroom.SessionDraft;
import io.campuslab.core.classroom.SessionService;
import io.campuslab.core.course.CourseDraft;
import io.campuslab.core.course.CourseService;
import io.campuslab.core.course.CourseSummary;
import io.campuslab.core.dataset.DatasetService;
import io.campuslab.core.dataset.DatasetSummary;
import io.campuslab.core.identity.MemberRow;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.core.identity.VerifiedCaller;
import io.campuslab.core.lab.LabRequest;
import io.campuslab.core.lab.LabService;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.PlatformSettingsService;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.MountSpec;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabState;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The walls of the services themselves, called as the web layer calls them but with no screen or
 * resource in between: what another school, another student, a lower role and a forged caller get.
 * Whatever a screen forgets, the services refuse.
 */
@ServicesTest
class ServiceWallsIT {

    private static final Person SAM = Person.of("ic-sam", Roles.STUDENT, "north-high");
    private static final Person SUE = Person.of("ic-sue", Roles.STUDENT, "north-high");
    private static final Person OTTO = Person.of("ic-otto", Roles.STUDENT, "south-academy");
    private static final Person NORTH_ADMIN = Person.of("ic-nora", Roles.TENANT_ADMIN, "north-high");
    private static final Person SOUTH_ADMIN = Person.of("ic-sol", Roles.TENANT_ADMIN, "south-academy");
    private static final Person SOUTH_TEACHER = Person.of("ic-tess", Roles.TEACHER, "south-academy");
    private static final Person NORTH_TEACHER = Person.of("ic-tom", Roles.TEACHER, "north-high");
    private static final Person OTHER_NORTH_TEACHER = Person.of("ic-tina", Roles.TEACHER, "north-high");

    @Deployment
    static EnterpriseArchive services() {
        return ServicesArchive.with(ServiceWallsIT.class);
    }

    @Inject
    VerifiedCaller caller;

    @Inject
    LabService labs;

    @Inject
    DatasetService datasets;

    @Inject
    CourseService courses;

    @Inject
    ClassroomService classrooms;

    @Inject
    SessionService sessions;

    @Inject
    SchoolMembers members;

    @Inject
    MemberAccounts accounts;

    @Inject
    MemberRemoval removal;

    @Inject
    PlatformSettingsService platform;

    @Inject
    CatalogService catalog;

    @Test
    void anotherStudentOrSchoolFindsNoLabOfSamsToOpenKeepOrStop() throws Exception {
        LabView lab = SAM.call(caller, () -> labs.request(new LabRequest("jupyterlab", null, null, 0, null, null)));
        try {
            for (Person stranger : List.of(SUE, OTTO, SOUTH_ADMIN)) {
                assertThatThrownBy(() -> stranger.call(caller, () -> labs.stop(lab.id()))).as(stranger.username())
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> stranger.call(caller, () -> labs.keep(lab.id()))).as(stranger.username())
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> stranger.call(caller, () -> labs.open(lab.id()))).as(stranger.username())
                        .isInstanceOf(NotFoundException.class);
                assertThat(stranger.call(caller, () -> labs.mine())).extracting(LabView::id).doesNotContain(lab.id());
            }
            assertThat(SOUTH_ADMIN.call(caller, () -> labs.school())).as("another school's labs")
                    .extracting(LabView::id).doesNotContain(lab.id());
            assertThat(NORTH_ADMIN.call(caller, () -> labs.school())).as("the school's own admin sees it")
                    .extracting(LabView::id).contains(lab.id());
        } finally {
            LabView stopped = SAM.call(caller, () -> labs.stop(lab.id()));
            assertThat(stopped.state()).isIn(LabState.STOPPING, LabState.STOPPED);
        }
    }

    @Test
    void theContainerRefusesRolesAServiceDoesNotGrant() {
        assertThatThrownBy(() -> SAM.call(caller, () -> labs.school())).as("a student, the school's labs")
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> SAM.call(caller, () -> labs.queue())).as("a student, the platform's queue")
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> NORTH_ADMIN.call(caller, () -> labs.allocation())).as("a school admin, the platform's allocation")
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> SOUTH_TEACHER.call(caller, () -> datasets.create("ic-notes", "Notes", null)))
                .as("a teacher, a dataset").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> SAM.call(caller, () -> courses.create(new CourseDraft("ic-course", "Course", null, null, null, null))))
                .as("a student, a course").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> SAM.call(caller, () -> classrooms.list())).as("a student, the classes")
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> NORTH_TEACHER.call(caller, () -> members.search("", 0, 10))).as("a teacher, the member list")
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> NORTH_ADMIN.call(caller, () -> platform.entries())).as("a school admin, the platform's settings")
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aClassIsItsSchoolsAndHoldsOnlyItsOwnStudents() throws Exception {
        for (Person student : List.of(SAM, OTTO)) {
            student.call(caller, () -> labs.mine());
        }
        ClassroomSummary room = NORTH_TEACHER.call(caller, () -> classrooms.create("IC walls " + System.nanoTime()));
        try {
            NORTH_TEACHER.call(caller, () -> classrooms.setRoster(room.id(), List.of(SAM.username())));
            for (List<String> roster : List.of(List.of(SAM.username(), OTTO.username()), List.of(NORTH_ADMIN.username()))) {
                assertThatThrownBy(() -> NORTH_TEACHER.call(caller, () -> classrooms.setRoster(room.id(), roster)))
                        .as("another school's student, or no student").isInstanceOf(InvalidInputException.class);
            }
            assertThat(NORTH_TEACHER.call(caller, () -> classrooms.get(room.id())).students()).as("nothing changed")
                    .containsExactly(SAM.username());

            assertThat(SOUTH_TEACHER.call(caller, () -> classrooms.list())).extracting(ClassroomSummary::id).doesNotContain(room.id());
            assertThatThrownBy(() -> SOUTH_TEACHER.call(caller, () -> classrooms.get(room.id()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_TEACHER.call(caller, () -> classrooms.setRoster(room.id(), List.of(OTTO.username()))))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_TEACHER.call(caller, () -> sessions.list(room.id()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> {
                classrooms.delete(room.id());
                return null;
            })).isInstanceOf(NotFoundException.class);
        } finally {
            NORTH_TEACHER.call(caller, () -> {
                classrooms.delete(room.id());
                return null;
            });
        }
    }

    @Test
    void aCourseIsTaughtOnlyByItsSchoolsTeachersAndSeenOnlyThere() throws Exception {
        for (Person teacher : List.of(NORTH_TEACHER, OTHER_NORTH_TEACHER, SOUTH_TEACHER)) {
            teacher.call(caller, () -> classrooms.list());
        }
        SAM.call(caller, () -> labs.mine());
        NORTH_ADMIN.call(caller, () -> courses.create(new CourseDraft("ic-algebra", "Algebra", null, null, null,
                List.of(NORTH_TEACHER.username()))));
        try {
            for (Person notATeacherHere : List.of(SOUTH_TEACHER, SAM)) {
                assertThatThrownBy(() -> NORTH_ADMIN.call(caller, () -> courses.create(new CourseDraft("ic-geometry", "Geometry",
                        null, null, null, List.of(notATeacherHere.username()))))).as(notATeacherHere.username())
                        .isInstanceOf(InvalidInputException.class);
            }
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> courses.update("ic-algebra",
                    new CourseDraft("ic-algebra", "Taken", null, null, null, null)))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> courses.delete("ic-algebra"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_TEACHER.call(caller, () -> courses.uploadTarget("ic-algebra"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> OTTO.call(caller, () -> courses.material("ic-algebra"))).isInstanceOf(NotFoundException.class);
            assertThat(OTTO.call(caller, () -> courses.list())).extracting(CourseSummary::name).doesNotContain("ic-algebra");
            assertThatThrownBy(() -> OTHER_NORTH_TEACHER.call(caller, () -> courses.uploadTarget("ic-algebra")))
                    .as("a teacher of the school who does not teach it").isInstanceOf(NotPermittedException.class);
            assertThat(NORTH_TEACHER.call(caller, () -> courses.uploadTarget("ic-algebra"))).isNotNull();
            assertThat(SAM.call(caller, () -> courses.list())).extracting(CourseSummary::name).contains("ic-algebra");

            // the same name is free in another school, and stays that school's
            SOUTH_ADMIN.call(caller, () -> courses.create(new CourseDraft("ic-algebra", "South's algebra", null, null, null, null)));
            assertThat(SAM.call(caller, () -> courses.list())).filteredOn(course -> course.name().equals("ic-algebra"))
                    .extracting(CourseSummary::title).containsExactly("Algebra");
            SOUTH_ADMIN.call(caller, () -> courses.delete("ic-algebra"));
        } finally {
            NORTH_ADMIN.call(caller, () -> courses.delete("ic-algebra"));
        }
    }

    @Test
    void aClassSessionUsesOnlyItsOwnSchoolsDatasetsAndCourses() throws Exception {
        SAM.call(caller, () -> labs.mine());
        SOUTH_TEACHER.call(caller, () -> classrooms.list());
        SOUTH_ADMIN.call(caller, () -> datasets.create("ic-south-data", "South's data", null));
        SOUTH_ADMIN.call(caller, () -> courses.create(new CourseDraft("ic-south-course", "South's course", null, null, null, null)));
        ClassroomSummary room = NORTH_TEACHER.call(caller, () -> classrooms.create("IC sessions " + System.nanoTime()));
        try {
            NORTH_TEACHER.call(caller, () -> classrooms.setRoster(room.id(), List.of(SAM.username())));
            LocalDateTime tomorrow = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withSecond(0).withNano(0);
            assertThat(NORTH_TEACHER.call(caller, () -> sessions.check(room.id(), session(tomorrow, null, List.of()))))
                    .as("the same session with the school's own things").isNotNull();
            assertThatThrownBy(() -> NORTH_TEACHER.call(caller, () -> sessions.check(room.id(), session(tomorrow, null,
                    List.of("ic-south-data"))))).as("another school's dataset").isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> NORTH_TEACHER.call(caller, () -> sessions.schedule(room.id(), session(tomorrow,
                    "ic-south-course", List.of())))).as("another school's course").isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_TEACHER.call(caller, () -> sessions.schedule(room.id(), session(tomorrow, null,
                    List.of())))).as("another school's class").isInstanceOf(NotFoundException.class);
            assertThat(NORTH_TEACHER.call(caller, () -> sessions.list(room.id()))).as("nothing was booked").isEmpty();
        } finally {
            NORTH_TEACHER.call(caller, () -> {
                classrooms.delete(room.id());
                return null;
            });
            SOUTH_ADMIN.call(caller, () -> datasets.delete("ic-south-data"));
            SOUTH_ADMIN.call(caller, () -> courses.delete("ic-south-course"));
        }
    }

    private static SessionDraft session(LocalDateTime start, String course, List<String> datasetNames) {
        return new SessionDraft("jupyterlab", start, 45, null, "UTC", 0, null, null, 0, null, null, course, datasetNames);
    }

    @Test
    void aSchoolsOwnTemplateIsNoneOfAnotherSchoolsBusinessAndMountsNoHostFolder() throws Exception {
        NORTH_ADMIN.call(caller, () -> catalog.add(template("ic-north-lab", List.of())));
        try {
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> catalog.definition("ic-north-lab"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> catalog.update(template("ic-north-lab", List.of()))))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> catalog.setOffered("ic-north-lab", false)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> {
                catalog.delete("ic-north-lab");
                return null;
            })).isInstanceOf(NotFoundException.class);
            assertThat(OTTO.call(caller, () -> catalog.offered())).extracting(CatalogItem::name).doesNotContain("ic-north-lab");
            assertThatThrownBy(() -> OTTO.call(caller, () -> labs.request(new LabRequest("ic-north-lab", null, null, 0, null, null))))
                    .as("a lab of another school's template").isInstanceOf(NotFoundException.class);
            assertThat(SAM.call(caller, () -> catalog.offered())).extracting(CatalogItem::name).contains("ic-north-lab");

            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> catalog.add(template("ic-south-lab",
                    List.of(new MountSpec("north", "/var/lib/campuslab/datasets/north-high", "/data", true))))))
                    .as("a school's template names no host folder").isInstanceOf(InvalidInputException.class)
                    .hasMessage("error.template.mount-host-folder-not-allowed");
            assertThatThrownBy(() -> NORTH_ADMIN.call(caller, () -> catalog.update(template("jupyterlab", List.of()))))
                    .as("the platform's template").isInstanceOf(NotPermittedException.class);
        } finally {
            NORTH_ADMIN.call(caller, () -> {
                catalog.delete("ic-north-lab");
                return null;
            });
        }
    }

    private static TemplateDefinition template(String name, List<MountSpec> mounts) {
        LabResources size = new LabResources(500, 512, 0);
        return new TemplateDefinition(name, "IC lab", null, null, "registry.example/ic/lab:1", Map.of(), List.of(), List.of(),
                List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/student/work", 64, size, size, List.of(), mounts);
    }

    @Test
    void anotherSchoolsAdminCanNeitherFindNorSuspendNorRemoveItsMembers() throws Exception {
        SAM.call(caller, () -> labs.mine());
        assertThat(SOUTH_ADMIN.call(caller, () -> members.search("ic-", 0, 100))).extracting(MemberRow::username)
                .doesNotContain(SAM.username(), SUE.username(), NORTH_ADMIN.username());
        assertThat(NORTH_ADMIN.call(caller, () -> members.search("ic-", 0, 100))).extracting(MemberRow::username)
                .contains(SAM.username()).doesNotContain(OTTO.username(), SOUTH_ADMIN.username());
        assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> accounts.suspend(SAM.username()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> removal.preview(SAM.username()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> removal.remove(SAM.username()))).isInstanceOf(NotFoundException.class);
        assertThat(SAM.call(caller, () -> labs.mine())).as("Sam is still a member who may act").isNotNull();
    }

    @Test
    void aSchoolsDatasetIsNoneOfAnotherSchoolsAdminsBusiness() throws Exception {
        DatasetSummary census = NORTH_ADMIN.call(caller, () -> datasets.create("ic-census", "Census 2026", "North's own"));
        try {
            assertThat(SOUTH_ADMIN.call(caller, () -> datasets.list())).extracting(DatasetSummary::name).doesNotContain("ic-census");
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> datasets.files("ic-census"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> datasets.uploadTarget("ic-census"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> datasets.update("ic-census", "Mine now", null)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> SOUTH_ADMIN.call(caller, () -> datasets.delete("ic-census"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> OTTO.call(caller, () -> datasets.files("ic-census"))).isInstanceOf(NotFoundException.class);
            assertThat(SAM.call(caller, () -> datasets.list())).as("the school's own students read it")
                    .extracting(DatasetSummary::name).contains(census.name());
        } finally {
            NORTH_ADMIN.call(caller, () -> datasets.delete("ic-census"));
        }
    }

    @Test
    void aCallerTheContainerDidNotAuthenticateIsNobody() {
        // the container knows Otto; the claims handed to the services name Sam: the services believe neither
        assertThatThrownBy(() -> OTTO.call(caller, SAM.claims(), () -> labs.mine())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> OTTO.call(caller, NORTH_ADMIN.claims(), () -> labs.school()))
                .as("a student's session carrying an admin's claims").isInstanceOf(EJBAccessException.class);
    }
}

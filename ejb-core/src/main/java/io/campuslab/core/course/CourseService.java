package io.campuslab.core.course;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.core.storage.UploadLimits;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.storage.StoredFolders;
import io.campuslab.core.storage.ImportedFiles;
import io.campuslab.core.storage.StoredFile;
import io.campuslab.core.storage.UploadTarget;
import io.campuslab.domain.catalog.CatalogRepository;
import io.campuslab.domain.course.Course;
import io.campuslab.domain.course.CourseRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.StorageUsage;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A school's courses. The school admin creates, edits and deletes them; the admin and the course's
 * own teachers upload its material; every member of the school sees them.
 */
@Stateless
public class CourseService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    private CourseRepository courses;

    @PostConstruct
    void init() {
        courses = new CourseRepository(em);
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<CourseSummary> list() throws NotPermittedException {
        return courses.of(callersSchool()).stream().map(CourseSummary::of).toList();
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public CourseSummary create(CourseDraft draft) throws NotPermittedException, InvalidInputException, ConflictException {
        Tenant school = callersSchool();
        if (!TenantSlug.isValid(draft.name())) {
            throw new InvalidInputException("error.course.name-invalid", draft.name() == null ? "" : draft.name());
        }
        if (courses.find(school, draft.name()).isPresent()) {
            throw new ConflictException("error.course.exists", draft.name());
        }
        Course course = new Course(school, draft.name(), clock.instant());
        describe(course, school, draft);
        courses.add(course);
        em.flush();
        audit.record(school.slug().value(), "course.created", course.name(), course.title());
        return CourseSummary.of(course);
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public CourseSummary update(String name, CourseDraft draft) throws NotPermittedException, NotFoundException,
            InvalidInputException {
        Tenant school = callersSchool();
        Course course = find(school, name);
        describe(course, school, draft);
        audit.record(school.slug().value(), "course.updated", name, course.title());
        return CourseSummary.of(course);
    }

    /** Deletes the course's record and returns the folder of its material, for {@link CourseMaterial} to remove. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Path delete(String name) throws NotPermittedException, NotFoundException {
        Tenant school = callersSchool();
        Course course = find(school, name);
        Path folder = folderOf(course);
        courses.remove(course);
        audit.record(school.slug().value(), "course.deleted", name, null);
        return folder;
    }

    /** Where a course's material goes; for the school admin and the course's teachers. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public UploadTarget uploadTarget(String name) throws NotPermittedException, NotFoundException {
        Course course = changeable(name);
        return new UploadTarget(folderOf(course), new StorageUsage(em).availableFor(course.school(), course.materialBytes()),
                UploadLimits.of(settings.current()));
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public CourseSummary materialReplaced(String name, ImportedFiles files) throws NotPermittedException, NotFoundException {
        Course course = changeable(name);
        course.materialReplaced(files.files(), files.bytes(), clock.instant());
        audit.record(course.school().slug().value(), "course.material-replaced", name,
                files.files() + " files, " + files.bytes() + " bytes");
        return CourseSummary.of(course);
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<StoredFile> material(String name) throws NotPermittedException, NotFoundException {
        return StoredFolders.files(folderOf(find(callersSchool(), name)));
    }

    private void describe(Course course, Tenant school, CourseDraft draft) throws InvalidInputException {
        if (!Course.isValidTitle(draft.title()) || (draft.level() != null && draft.level().length() > 100)
                || (draft.description() != null && draft.description().length() > 4000)) {
            throw new InvalidInputException("error.course.description-invalid");
        }
        if (draft.defaultTemplate() != null && !draft.defaultTemplate().isBlank()
                && new CatalogRepository(em).findVisible(draft.defaultTemplate(), school).isEmpty()) {
            throw new InvalidInputException("error.course.template-unknown", draft.defaultTemplate());
        }
        MemberRepository members = new MemberRepository(em);
        List<Member> teachers = new ArrayList<>();
        for (String username : draft.teachers()) {
            Member teacher = members.findByUsername(username)
                    .filter(m -> m.hasRole(Role.TEACHER) && m.tenant().map(t -> t.id().equals(school.id())).orElse(false))
                    .orElseThrow(() -> new InvalidInputException("error.course.teacher-unknown", username));
            teachers.add(teacher);
        }
        course.describe(draft.title(), draft.level(), draft.description(), draft.defaultTemplate(), teachers);
    }

    private Course changeable(String name) throws NotPermittedException, NotFoundException {
        Member caller = currentMember.require();
        Course course = find(caller.tenant().orElseThrow(NotPermittedException::new), name);
        if (!caller.hasRole(Role.TENANT_ADMIN) && !course.isTaughtBy(caller)) {
            throw new NotPermittedException("error.course.not-your-course");
        }
        return course;
    }

    private Course find(Tenant school, String name) throws NotFoundException {
        return courses.find(school, name).orElseThrow(() -> new NotFoundException("course", name));
    }

    private Tenant callersSchool() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }

    private Path folderOf(Course course) {
        return settings.current().courseRoot().resolve(course.folder());
    }
}

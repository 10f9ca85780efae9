package io.campuslab.core.classroom;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.identity.DirectoryGroup;
import io.campuslab.core.identity.DirectoryPerson;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Teachers' classrooms and their rosters. A teacher sees and changes their own classrooms; the
 * school's admins see and change all of the school's. Another school's classroom does not exist for
 * the caller (404).
 */
@Stateless
public class ClassroomService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    IdentityDirectory directory;

    @Inject
    GroupRoster groupRoster;

    /** The caller's classrooms: a teacher's own, all of the school for its admins. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public List<ClassroomSummary> list() throws NotPermittedException {
        Member caller = currentMember.require();
        ClassroomRepository classrooms = new ClassroomRepository(em);
        List<Classroom> found = caller.hasRole(Role.TENANT_ADMIN) ? classrooms.of(school(caller)) : classrooms.taughtBy(caller);
        return found.stream().map(ClassroomSummary::of).toList();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public ClassroomSummary get(long id) throws NotPermittedException, NotFoundException {
        return ClassroomSummary.of(mine(id));
    }

    /** A new classroom of the caller's, with an empty roster. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public ClassroomSummary create(String name) throws NotPermittedException, InvalidInputException, ConflictException {
        Member caller = currentMember.require();
        Tenant school = school(caller);
        if (!Classroom.isValidName(name)) {
            throw new InvalidInputException("error.classroom.name-invalid");
        }
        ClassroomRepository classrooms = new ClassroomRepository(em);
        if (classrooms.nameTaken(school, name.strip())) {
            throw new ConflictException("error.classroom.name-taken", name.strip());
        }
        Classroom classroom = new Classroom(caller, name, clock.instant());
        classrooms.add(classroom);
        em.flush();
        audit.record(school.slug().value(), "classroom.created", classroom.name(), caller.username());
        return ClassroomSummary.of(classroom);
    }

    /**
     * The roster becomes exactly these students of the school. A user name that is not one (unknown,
     * of another school, or a teacher or admin) refuses the whole change, naming the first ones; nothing
     * changes then.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public ClassroomSummary setRoster(long id, List<String> usernames)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        Classroom classroom = ClassroomAccess.changeable(em, currentMember.require(), id);
        if (usernames == null || usernames.size() > Classroom.MOST_STUDENTS) {
            throw new InvalidInputException("error.classroom.roster-too-large", Classroom.MOST_STUDENTS);
        }
        MemberRepository members = new MemberRepository(em);
        List<Member> roster = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String username : new LinkedHashSet<>(usernames)) {
            members.findByUsername(username == null ? "" : username.strip())
                    .filter(m -> m.isStudentOnlyOf(classroom.tenant()))
                    .ifPresentOrElse(roster::add, () -> unknown.add(username));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("error.classroom.not-members",
                    String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))));
        }
        classroom.replaceRoster(roster);
        audit.record(classroom.tenant().slug().value(), "classroom.roster-changed", classroom.name(), roster.size() + " members");
        return ClassroomSummary.of(classroom);
    }

    /** Someone who can be put on a roster: a student of the caller's school, with their class if one was imported. */
    public record Candidate(String username, String name, String className) implements java.io.Serializable {
    }

    /** The school's students, by name, for the roster. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public List<Candidate> candidates() throws NotPermittedException {
        Tenant school = school(currentMember.require());
        return new MemberRepository(em).withRole(school, Role.STUDENT).stream().filter(m -> m.isStudentOnlyOf(school))
                .map(m -> new Candidate(m.username(), m.displayName(), m.className().orElse(""))).toList();
    }

    /** The groups the school keeps below its group in the directory, such as its classes, by path. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<DirectoryGroup> directoryGroups() throws NotPermittedException, DirectoryUnavailableException {
        return directory.groupsOf(groupRoster.callersSchool());
    }

    /**
     * What adding a directory group did: the classroom now, the students who joined its roster, and
     * the group's people passed over because they are not students of the school.
     */
    public record GroupAdded(ClassroomSummary classroom, List<Candidate> joined, List<String> passedOver)
            implements java.io.Serializable {

        public GroupAdded {
            joined = List.copyOf(joined);
            passedOver = List.copyOf(passedOver);
        }
    }

    /**
     * Adds the students of a group below the school's group in the directory to the roster. Students
     * who have not signed in yet become members of the school now, as if they had been invited; the
     * group's teachers and admins are passed over. Nothing changes if the roster would grow too large.
     * The directory is asked with no transaction open (who is in the group, then the roles of those
     * not known here yet); the roster is then changed in one transaction of {@link GroupRoster}.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public GroupAdded addGroup(long id, String groupId)
            throws NotPermittedException, NotFoundException, InvalidInputException, DirectoryUnavailableException {
        if (groupId == null || groupId.isBlank()) {
            throw new NotFoundException("group", "");
        }
        List<DirectoryPerson> people = directory.membersOf(groupRoster.schoolOf(id), groupId.strip());
        Set<String> students = new HashSet<>();
        for (String subject : groupRoster.unknownSubjects(people)) {
            if (directory.rolesOf(subject).contains(Role.STUDENT)) {
                students.add(subject);
            }
        }
        return groupRoster.join(id, groupId.strip(), people, students);
    }

    /** Deletes the classroom with its sessions; the labs its sessions prepared stop. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public void delete(long id) throws NotPermittedException, NotFoundException {
        Classroom classroom = mine(id);
        LabRepository labs = new LabRepository(em);
        ClassSessionRepository sessions = new ClassSessionRepository(em);
        for (ClassSession session : sessions.of(classroom)) {
            labs.ofSession(session.id()).forEach(lab -> lab.stop("lab.reason.session-cancelled", clock.instant()));
            sessions.remove(session);
        }
        new ClassroomRepository(em).remove(classroom);
        audit.record(classroom.tenant().slug().value(), "classroom.deleted", classroom.name(), null);
    }

    /** A classroom the caller may see: their own, or any of the school for its admin. */
    private Classroom mine(long id) throws NotPermittedException, NotFoundException {
        return ClassroomAccess.classroom(em, currentMember.require(), id);
    }

    private static Tenant school(Member caller) throws NotPermittedException {
        return caller.tenant().orElseThrow(NotPermittedException::new);
    }
}

package io.campuslab.core.classroom;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.classroom.ClassroomService.Candidate;
import io.campuslab.core.classroom.ClassroomService.GroupAdded;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.identity.DirectoryPerson;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The database's side of adding a directory group to a roster, in short transactions of its own:
 * {@link ClassroomService#addGroup} asks the directory between them, with no transaction open.
 */
@Stateless
public class GroupRoster {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The caller's school. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public TenantSlug callersSchool() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new).slug();
    }

    /** The school of a classroom the caller may change; another school's classroom is not found. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public TenantSlug schoolOf(long classroomId) throws NotPermittedException, NotFoundException, InvalidInputException {
        return ClassroomAccess.changeable(em, currentMember.require(), classroomId).tenant().slug();
    }

    /** The subjects of the people not known here yet: the directory is asked their roles. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public List<String> unknownSubjects(List<DirectoryPerson> people) {
        MemberRepository members = new MemberRepository(em);
        return people.stream().map(DirectoryPerson::subject)
                .filter(subject -> members.findBySubject(subject).isEmpty()).toList();
    }

    /**
     * Puts the group's students on the roster: members known here if they are students of the
     * school only, people not known yet if the directory gave them the student role ({@code students})
     * and their username is free. Nothing changes if the roster would grow too large.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public GroupAdded join(long classroomId, String groupId, List<DirectoryPerson> people, Set<String> students)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        Classroom classroom = ClassroomAccess.changeable(em, currentMember.require(), classroomId);
        Tenant school = classroom.tenant();
        MemberRepository members = new MemberRepository(em);
        Set<Member> roster = new LinkedHashSet<>(classroom.students());
        int before = roster.size();
        List<String> passedOver = new ArrayList<>();
        for (DirectoryPerson person : people) {
            Optional<Member> known = members.findBySubject(person.subject());
            if (known.isPresent()) {
                if (known.get().isStudentOnlyOf(school)) {
                    roster.add(known.get());
                } else {
                    passedOver.add(person.username());
                }
            } else if (students.contains(person.subject()) && members.findByUsername(person.username()).isEmpty()) {
                Member invited = Member.invited(person.subject(), person.username(), person.displayName(), person.email(),
                        school, Role.STUDENT, null, clock.instant());
                members.add(invited);
                roster.add(invited);
            } else {
                passedOver.add(person.username());
            }
        }
        if (roster.size() > Classroom.MOST_STUDENTS) {
            throw new InvalidInputException("error.classroom.roster-too-large", Classroom.MOST_STUDENTS);
        }
        List<Candidate> joined = roster.stream().skip(before)
                .map(m -> new Candidate(m.username(), m.displayName(), m.className().orElse(""))).toList();
        classroom.replaceRoster(roster);
        audit.record(school.slug().value(), "classroom.group-added", classroom.name(),
                joined.size() + " members from directory group " + groupId);
        return new GroupAdded(ClassroomSummary.of(classroom), joined, passedOver);
    }
}

package io.campuslab.core.identity;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** The school admin's members: the list, role changes, and recording imported people. */
@Stateless
public class SchoolMembers {

    /** The most rows one page may hold. */
    static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private MemberRepository members;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
    }

    /** Members of the caller's school whose user name, name or e-mail contains the text. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<MemberRow> search(String text, int first, int max) throws NotPermittedException {
        return members.search(callersSchool(), normalise(text), Math.max(0, first), Math.max(0, Math.min(max, MAX_PAGE)))
                .stream().map(MemberRow::of).toList();
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public long count(String text) throws NotPermittedException {
        return members.count(callersSchool(), normalise(text));
    }

    /**
     * The directory subject of the member whose role the caller may change to {@code role}: a member
     * of the caller's school other than the caller, and a school role. The first step of
     * {@link MemberRoles#changeRole}.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public String roleChangeable(String username, Role role) throws RoleChangeRefusedException, NotPermittedException,
            NotFoundException {
        return changeable(username, role).subject();
    }

    /** Records a role change the directory has made: the member here, and the audit log. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow recordRole(String username, Role role) throws RoleChangeRefusedException, NotPermittedException,
            NotFoundException {
        Member member = changeable(username, role);
        member.changeRole(role);
        audit.record(callersSchool().slug().value(), "member.role-changed", username, role.realmName());
        return MemberRow.of(member);
    }

    private Member changeable(String username, Role role) throws RoleChangeRefusedException, NotPermittedException,
            NotFoundException {
        Tenant school = callersSchool();
        if (role == null || role.isPlatformWide()) {
            throw new RoleChangeRefusedException("error.member.role-invalid");
        }
        Member member = members.findInSchool(username, school).orElseThrow(() -> new NotFoundException("member", username));
        if (member.id().equals(currentMember.require().id())) {
            throw new RoleChangeRefusedException("error.member.own-role");
        }
        return member;
    }

    /** Records people an import created in the directory, in one transaction. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void recordImported(List<ImportedMember> imported) throws NotPermittedException {
        Tenant school = callersSchool();
        for (ImportedMember person : imported) {
            members.add(Member.invited(person.subject(), person.row().username(), person.row().name(), person.row().email(),
                    school, Role.STUDENT, person.row().className(), clock.instant()));
        }
        em.flush();
        audit.record(school.slug().value(), "member.imported", imported.size() + " students", null);
    }

    /** Records one person an admin added by hand. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void recordCreated(ImportedMember person, Role role) throws NotPermittedException {
        Tenant school = callersSchool();
        members.add(Member.invited(person.subject(), person.row().username(), person.row().name(), person.row().email(),
                school, role, person.row().className(), clock.instant()));
        em.flush();
        audit.record(school.slug().value(), "member.created", person.row().username(), role.realmName());
    }

    /**
     * The directory subject of the member whose password the caller may reset: a school admin any
     * other member of the school, a teacher the students on the rosters of their classrooms. Not one's
     * own (the account console is for that), and not someone who signs in through the school's own
     * provider: their password is the provider's.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public String passwordResettable(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        return resettable(username).subject();
    }

    /** Records, in the audit log, a password reset the directory has made. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public MemberRow recordPasswordReset(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member member = resettable(username);
        audit.record(callersSchool().slug().value(), "member.password-reset", username, null);
        return MemberRow.of(member);
    }

    private Member resettable(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Member member = members.findInSchool(username, school)
                .orElseThrow(() -> new NotFoundException("member", username == null ? "" : username));
        if (!caller.hasRole(Role.TENANT_ADMIN)
                && !(caller.hasRole(Role.TEACHER) && member.isStudentOnlyOf(school) && classrooms().teaches(caller, member))) {
            // a teacher asking about someone not on their rosters learns no more than about a stranger
            throw new NotFoundException("member", username);
        }
        if (member.id().equals(caller.id())) {
            throw new InvalidInputException("error.member.own-password");
        }
        if (member.signInProvider().isPresent()) {
            throw new InvalidInputException("error.member.password-at-provider");
        }
        return member;
    }

    private io.campuslab.domain.classroom.ClassroomRepository classrooms() {
        return new io.campuslab.domain.classroom.ClassroomRepository(em);
    }

    /** The school's teachers, for choosing a course's teachers. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<MemberRow> teachers() throws NotPermittedException {
        return members.withRole(callersSchool(), Role.TEACHER).stream().map(MemberRow::of).toList();
    }

    /** Whether a member of that user name exists anywhere on the platform. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public boolean usernameKnown(String username) {
        return members.findByUsername(username).isPresent();
    }

    private Tenant callersSchool() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip();
    }

    /** A person created in the directory for a row of the class list. */
    public record ImportedMember(String subject, ClassList.Row row) implements java.io.Serializable {
    }

    /** A role change that cannot be made: a platform role, or one's own role. */
    public static class RoleChangeRefusedException extends InvalidInputException {

        public RoleChangeRefusedException(String messageKey) {
            super(messageKey);
        }
    }
}

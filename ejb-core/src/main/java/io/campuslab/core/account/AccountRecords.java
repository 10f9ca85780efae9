package io.campuslab.core.account;

import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.identity.MemberRow;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.WorkspaceMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The records of {@link MemberAccounts} and {@link AccountSweep}, each call a transaction of its own. */
@Stateless
public class AccountRecords {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    LabSignals signals;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    private MemberRepository members;
    private LabRepository labs;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
        labs = new LabRepository(em);
    }

    /**
     * The directory subject of a member of the caller's school whom the caller, a school admin, may
     * suspend or resume: anyone of the school but themselves.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public String changeable(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        return member(username).subject();
    }

    /** Records a suspension the directory has made: the member may not act, their labs stop; audited. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow suspended(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member member = member(username);
        Instant now = clock.instant();
        if (member.suspendedAt().isEmpty()) {
            member.suspend(now);
            int count = Leaving.stopLabs(labs, member, "lab.reason.member-suspended", now);
            audit.record(school().slug().value(), "member.suspended", username, count == 0 ? null : count + " labs stopped");
            signals.labsChanged();
        }
        return MemberRow.of(member);
    }

    /** Records a resumption the directory has made; audited. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow resumed(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member member = member(username);
        if (member.suspendedAt().isPresent()) {
            member.resume();
            audit.record(school().slug().value(), "member.resumed", username, null);
        }
        return MemberRow.of(member);
    }

    /** Removed members whose grace period has ended, with what is deleted of each; of every school. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<Departure> dueForDeletion(int max) {
        PlatformSettings platform = settings.current();
        boolean onHost = platform.workspaceMode() == WorkspaceMode.HOST_PATH;
        List<Departure> due = new ArrayList<>();
        for (Member member : members.dueForDeletion(clock.instant(), max)) {
            if (member.tenant().isEmpty()) {
                continue; // left its school meanwhile: not the school's to delete
            }
            Tenant school = member.tenant().get();
            String claim = onHost ? null
                    : LabBlueprint.Claim.of(member.username(), platform.workspaceClass().orElse(null),
                            platform.workspaceSizeGib()).name();
            due.add(new Departure(member.id(), member.subject(), member.username(), school.slug().value(),
                    onHost ? MemberRemoval.folders(platform, member) : null, school.namespace(), claim));
        }
        return due;
    }

    /**
     * Deletes the records of a departure whose account and workspace are gone: their labs (once none
     * is active any more; until then the next round tries again), their place among a course's
     * teachers, their allowances and rosters, and the member; archived classrooms they taught keep
     * their history without a teacher; audited.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void deleted(Departure departure) {
        Member member = em.find(Member.class, departure.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (member == null || member.deleteAfter().isEmpty() || member.deleteAfter().get().isAfter(clock.instant())) {
            return; // deleted by another node, or no longer due
        }
        if (labs.activeCount(member) > 0) {
            throw new IllegalStateException("a lab of " + departure.username() + " is still stopping");
        }
        ClassroomRepository classrooms = new ClassroomRepository(em);
        for (Classroom classroom : classrooms.taughtBy(member)) {
            if (!classroom.isArchived()) {
                throw new IllegalStateException(departure.username() + " teaches " + classroom.name() + " again");
            }
            classroom.forgetTeacher();
        }
        em.createQuery("delete from Lab l where l.owner = :member").setParameter("member", member).executeUpdate();
        em.createNativeQuery("DELETE FROM course_teachers WHERE member_id = ?1").setParameter(1, member.id()).executeUpdate();
        em.remove(member);
        em.createNativeQuery("INSERT IGNORE INTO deleted_accounts (subject, deleted_at) VALUES (?1, ?2)")
                .setParameter(1, departure.subject()).setParameter(2, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        audit.recordByCampusLab(departure.school(), "member.deleted", departure.username(), "grace period ended");
    }

    private Member member(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        return OtherMember.of(members, currentMember.require(), username, "error.member.own-suspension");
    }

    private Tenant school() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }
}

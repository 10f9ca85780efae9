package io.campuslab.core.account;

import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.identity.MemberRow;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/** The records of {@link MemberAccounts}, each call a transaction of its own. */
@Stateless
public class AccountRecords {

    /** More labs than one member can have had at once are not looked at. */
    private static final int MOST_LABS = 50;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    LabSignals signals;

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
            int stopped = 0;
            for (Lab lab : labs.of(member, MOST_LABS)) {
                if (lab.state().isActive() && lab.stop("lab.reason.member-suspended", now)) {
                    stopped++;
                }
            }
            int count = stopped;
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

    private Member member(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Member member = members.findInSchool(username, school)
                .orElseThrow(() -> new NotFoundException("member", username == null ? "" : username));
        if (member.id().equals(caller.id())) {
            throw new InvalidInputException("error.member.own-suspension");
        }
        return member;
    }

    private Tenant school() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }
}

package io.campuslab.core.identity;

import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.identity.SignInIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The member behind the current call, found by the verified token's subject and school. Services use
 * it to scope every query to the caller's school. A person's first call records them, whichever call
 * it is; a member whom the identity provider took out of the school, or whose user name now belongs to
 * another account, is refused at the next call, and one the school removed may only read who they
 * are and fetch their workspace.
 */
@Stateless
public class CurrentMember {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    VerifiedCaller caller;

    @Inject
    MemberService memberService;

    private MemberRepository members;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
    }

    /**
     * The calling member; a caller without a verified identity is not one, a token without a school
     * (other than a platform admin's) is refused, and the member of a suspended school may not act
     * until it is resumed.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public Member require() throws NotPermittedException {
        Member member = requireEvenLeaving();
        if (member.leavingSince().isPresent()) {
            throw new NotPermittedException("error.membership.member-leaving");
        }
        return member;
    }

    /**
     * The calling member, also while the school has removed them: for what a leaving member may still
     * do — read who they are and fetch their workspace — and nothing else.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public Member requireEvenLeaving() throws NotPermittedException {
        SignInIdentity identity = caller.identity()
                .filter(verified -> verified.username().equals(context.getCallerPrincipal().getName()))
                .orElseThrow(NotPermittedException::new);
        Optional<Member> known = members.findBySubject(identity.subject());
        if (known.isEmpty() || !known.get().holds(identity) || !activeSchool(known.get())) {
            try {
                memberService.recognize(caller.claims().orElseThrow(NotPermittedException::new));
            } catch (SignInRefusedException e) {
                throw new NotPermittedException(e.messageKey());
            }
            known.ifPresent(em::refresh);
            known = members.findBySubject(identity.subject());
        }
        return known.filter(member -> member.holds(identity)).orElseThrow(NotPermittedException::new);
    }

    private static boolean activeSchool(Member member) {
        return member.suspendedAt().isEmpty() && member.tenant().map(school -> school.isActive()).orElse(true);
    }
}

package io.campuslab.core.identity;

import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.MembershipException;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The member behind the current call, found by the principal name (the token's
 * {@code preferred_username}). Services use it to scope every query to the caller's school.
 */
@Stateless
public class CurrentMember {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    private MemberRepository members;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
    }

    /**
     * The calling member; a caller who has never signed in through the portal is not one, and the
     * member of a suspended school may not act until it is resumed.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public Member require() throws NotPermittedException {
        Member member = members.findByUsername(context.getCallerPrincipal().getName())
                .orElseThrow(NotPermittedException::new);
        if (member.tenant().isPresent() && !member.tenant().get().isActive()) {
            throw new NotPermittedException(MembershipException.Reason.SCHOOL_SUSPENDED.messageKey());
        }
        return member;
    }
}

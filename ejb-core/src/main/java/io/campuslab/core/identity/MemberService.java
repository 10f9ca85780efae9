package io.campuslab.core.identity;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.MembershipException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.identity.SignInIdentity;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/** Members as they sign in: created at the first sign-in, refreshed from the token at every later one. */
@Stateless
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    private MemberRepository members;
    private TenantRepository tenants;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
        tenants = new TenantRepository(em);
    }

    /**
     * Records the sign-in of the caller. The identity must be the caller's own (the web layer reads it
     * from the verified token of the same request); its school must exist and be active.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public CallerProfile signIn(SignInIdentity identity) throws SignInRefusedException {
        if (!context.getCallerPrincipal().getName().equals(identity.username())) {
            throw new SecurityException("A sign-in can only be recorded for the caller");
        }
        Optional<Tenant> school = schoolOf(identity);
        Member member = members.findBySubject(identity.subject()).orElse(null);
        if (member == null) {
            member = Member.firstSignIn(identity, school, clock.instant());
            members.add(member);
            LOG.info(() -> "New member " + identity.username() + " of " + identity.tenant().map(Object::toString).orElse("the platform"));
        } else {
            member.refresh(identity, school, clock.instant());
        }
        return CallerProfile.of(member);
    }

    private Optional<Tenant> schoolOf(SignInIdentity identity) throws SignInRefusedException {
        try {
            identity.requireValidMembership();
        } catch (MembershipException e) {
            throw new SignInRefusedException(e.reason());
        }
        if (identity.tenant().isEmpty()) {
            return Optional.empty();
        }
        Tenant school = tenants.findBySlug(identity.tenant().get())
                .orElseThrow(() -> new SignInRefusedException(MembershipException.Reason.UNKNOWN_SCHOOL));
        if (!school.isActive()) {
            throw new SignInRefusedException(MembershipException.Reason.SCHOOL_SUSPENDED);
        }
        return Optional.of(school);
    }
}

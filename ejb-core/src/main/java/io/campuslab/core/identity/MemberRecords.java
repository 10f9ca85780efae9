package io.campuslab.core.identity;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.MembershipException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.identity.SignInIdentity;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.identity.SignInProviderRepository;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/** One call's person in one transaction: the member found by subject and refreshed when changed, or created. */
@Stateless
public class MemberRecords {

    private static final Logger LOG = Logger.getLogger(MemberRecords.class.getName());

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    Clock clock;

    private MemberRepository members;
    private TenantRepository tenants;
    private SignInProviderRepository providers;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
        tenants = new TenantRepository(em);
        providers = new SignInProviderRepository(em);
    }

    /**
     * Records the person behind a call: found by subject and brought in line with the identity
     * provider, or created at their first call. A known member whom the identity describes as the
     * record already holds is only read.
     *
     * @param signIn whether this call starts a sign-in (a browser session), recorded as the member's
     *               last sign-in; other calls record only the first
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public CallerProfile record(SignInIdentity identity, boolean signIn) throws SignInRefusedException {
        Optional<Member> known = members.findBySubject(identity.subject());
        if (known.isPresent() && known.get().holds(identity) && !signIn && known.get().lastSignInAt().isPresent()) {
            requireActive(known.get());
            return CallerProfile.of(known.get());
        }
        if (known.isEmpty() && wasDeleted(identity.subject())) {
            // a token from before the account's deletion, still valid for a few minutes
            throw new SignInRefusedException(MembershipException.Reason.MEMBER_DELETED);
        }
        Optional<Tenant> school = schoolOf(identity);
        if (known.isPresent()) {
            Member member = known.get();
            requireNotSuspended(member);
            if (member.refresh(identity, school)) {
                LOG.info(() -> "Member " + member.id() + " (" + identity.username() + ") now as the identity provider says: "
                        + identity.tenant().map(Object::toString).orElse("no school") + ", " + identity.roles());
            }
            if (signIn || member.lastSignInAt().isEmpty()) {
                member.refresh(identity, school, clock.instant());
            }
            return CallerProfile.of(member);
        }
        members.findByUsername(identity.username()).ifPresent(stale -> {
            LOG.warning(() -> "User name " + identity.username() + " now belongs to another account; member "
                    + stale.id() + " keeps its data under " + identity.username() + "~" + stale.id());
            stale.releaseUsername();
            em.flush();
        });
        Member member = Member.firstSignIn(identity, school, clock.instant());
        members.add(member);
        em.flush();
        LOG.info(() -> "New member " + identity.username() + " of "
                + identity.tenant().map(Object::toString).orElse("the platform"));
        return CallerProfile.of(member);
    }

    private boolean wasDeleted(String subject) {
        return !em.createNativeQuery("SELECT 1 FROM deleted_accounts WHERE subject = ?1").setParameter(1, subject)
                .getResultList().isEmpty();
    }

    private static void requireNotSuspended(Member member) throws SignInRefusedException {
        if (member.suspendedAt().isPresent()) {
            throw new SignInRefusedException(MembershipException.Reason.MEMBER_SUSPENDED);
        }
    }

    private static void requireActive(Member member) throws SignInRefusedException {
        requireNotSuspended(member);
        if (member.tenant().isPresent() && !member.tenant().get().isActive()) {
            throw new SignInRefusedException(MembershipException.Reason.SCHOOL_SUSPENDED);
        }
    }

    private Optional<Tenant> schoolOf(SignInIdentity identity) throws SignInRefusedException {
        try {
            identity.requireValidMembership();
        } catch (MembershipException e) {
            throw new SignInRefusedException(e.reason());
        }
        if (identity.provider().isPresent() && (identity.tenant().isEmpty() || identity.hasRole(Role.PLATFORM_ADMIN))) {
            // a school's provider makes members of its school, never operators
            LOG.warning(() -> "Refused " + identity.username() + ": came through " + identity.provider().get()
                    + " as " + identity.roles() + " of " + identity.tenant().map(Object::toString).orElse("no school"));
            throw new SignInRefusedException(MembershipException.Reason.WRONG_PROVIDER);
        }
        if (identity.tenant().isEmpty()) {
            // an operator too: an account a school's provider made never signs in round it
            requireOwnProvider(identity, null);
            return Optional.empty();
        }
        Tenant school = tenants.findBySlug(identity.tenant().get())
                .orElseThrow(() -> new SignInRefusedException(MembershipException.Reason.UNKNOWN_SCHOOL));
        if (!school.isActive()) {
            throw new SignInRefusedException(MembershipException.Reason.SCHOOL_SUSPENDED);
        }
        requireOwnProvider(identity, school);
        return Optional.of(school);
    }

    /**
     * A person who came through a school's identity provider belongs to that school and to no other,
     * whatever the tokens' other claims say (a mapper added by hand in Keycloak, an account linked to
     * another school's provider): the provider must be connected, and to the school the token names.
     * And an account a provider made signs in through that provider only.
     */
    private void requireOwnProvider(SignInIdentity identity, Tenant school) throws SignInRefusedException {
        if (identity.provider().isEmpty()) {
            // a brokered account (named <alias>_<claim>) that signs in with a password of its own, set in the
            // account console, would go round its school's provider, which may have ended it long ago
            int cut = identity.username().indexOf('_');
            if (cut > 0 && providers.findByAlias(identity.username().substring(0, cut)).isPresent()) {
                LOG.warning(() -> "Refused " + identity.username() + ": an account of a school's provider signed in without it");
                throw new SignInRefusedException(MembershipException.Reason.WRONG_PROVIDER);
            }
            return;
        }
        Optional<SignInProvider> provider = providers.findByAlias(identity.provider().get());
        if (provider.isEmpty() || school == null || !provider.get().tenant().id().equals(school.id())) {
            LOG.warning(() -> "Refused " + identity.username() + ": came through " + identity.provider().get()
                    + ", which is not a provider of " + (school == null ? "no school" : school.slug()));
            throw new SignInRefusedException(MembershipException.Reason.WRONG_PROVIDER);
        }
    }
}

package io.campuslab.domain.identity;

import io.campuslab.domain.tenant.TenantSlug;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed in, as the identity provider vouches for it in a verified token: the stable subject,
 * the user name, the person's name and e-mail, the school ({@code tenant} claim), the realm roles and,
 * for a person who came through their school's own identity provider, that provider's alias
 * ({@code idp} claim).
 */
public record SignInIdentity(String subject, String username, String displayName, String email,
                             Optional<TenantSlug> tenant, Set<Role> roles, Optional<String> provider) {

    public SignInIdentity {
        subject = requireText(subject, "subject");
        username = requireText(username, "username");
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        email = email == null || email.isBlank() ? null : email.strip();
        tenant = Objects.requireNonNull(tenant, "tenant");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        provider = Objects.requireNonNull(provider, "provider");
    }

    /** A person signed in with an account of CampusLab's own realm. */
    public SignInIdentity(String subject, String username, String displayName, String email,
                          Optional<TenantSlug> tenant, Set<Role> roles) {
        this(subject, username, displayName, email, tenant, roles, Optional.empty());
    }

    /** Builds the identity of a person of CampusLab's own realm from raw claims. */
    public static SignInIdentity fromClaims(String subject, String username, String displayName, String email,
                                            String tenantClaim, Collection<String> realmRoles) {
        return fromClaims(subject, username, displayName, email, tenantClaim, realmRoles, null);
    }

    /**
     * Builds an identity from raw claims: realm roles that are not CampusLab roles are left out, and a
     * member of a school acts in their highest school role only (a school's provider gives everyone
     * its default role and some people a higher one).
     */
    public static SignInIdentity fromClaims(String subject, String username, String displayName, String email,
                                            String tenantClaim, Collection<String> realmRoles, String providerClaim) {
        Optional<TenantSlug> tenant = tenantClaim == null || tenantClaim.isBlank()
                ? Optional.empty() : Optional.of(new TenantSlug(tenantClaim.strip()));
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        realmRoles.forEach(name -> Role.ofRealmName(name).ifPresent(roles::add));
        // the enum lists the roles from the highest: keep the platform's and the first school role
        EnumSet<Role> acting = EnumSet.noneOf(Role.class);
        roles.stream().filter(Role::isPlatformWide).forEach(acting::add);
        roles.stream().filter(role -> !role.isPlatformWide()).findFirst().ifPresent(acting::add);
        Optional<String> provider = providerClaim == null || providerClaim.isBlank()
                ? Optional.empty() : Optional.of(providerClaim.strip());
        return new SignInIdentity(subject, username, displayName, email, tenant, acting, provider);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Everyone but a platform admin belongs to a school, and everyone needs a CampusLab role. */
    public void requireValidMembership() throws MembershipException {
        if (roles.isEmpty()) {
            throw new MembershipException(MembershipException.Reason.NO_ROLE);
        }
        if (tenant.isEmpty() && !hasRole(Role.PLATFORM_ADMIN)) {
            throw new MembershipException(MembershipException.Reason.NO_SCHOOL);
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The token carries no " + what);
        }
        return value.strip();
    }
}

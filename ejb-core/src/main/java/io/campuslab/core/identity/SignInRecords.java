package io.campuslab.core.identity;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.identity.SignInProviderRepository;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantRepository;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The records behind {@link SchoolSignInService}, each call a transaction of its own: who administers
 * which school, the schools' providers and e-mail domains, and where a sign-in starts.
 */
@Stateless
public class SignInRecords {

    static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final int MOST_DOMAINS = 20;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private TenantRepository tenants;
    private SignInProviderRepository providers;

    @PostConstruct
    void init() {
        tenants = new TenantRepository(em);
        providers = new SignInProviderRepository(em);
    }

    /**
     * The school the caller administers by this slug: the operator any school, a school admin their
     * own only (another school is "not found", as an unknown one).
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public TenantSlug administered(String slug) throws NotPermittedException, NotFoundException {
        return school(slug).slug();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public SchoolSignIn of(String slug) throws NotPermittedException, NotFoundException {
        return signInOf(school(slug));
    }

    private SchoolSignIn signInOf(Tenant school) {
        return new SchoolSignIn(school.slug().value(), providers.ofSchool(school).stream().map(ProviderSummary::of).toList(),
                List.copyOf(school.emailDomains()), false);
    }

    /** Records the provider Keycloak now brokers for the school, in place of the one of that alias before. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public ProviderSummary connected(ProviderSetup setup) throws NotPermittedException, NotFoundException {
        Tenant school = school(setup.school().value());
        Optional<SignInProvider> before = providers.findByAlias(setup.alias());
        before.ifPresent(providers::remove);
        em.flush();
        SignInProvider provider = setup.directory() == null
                ? new SignInProvider(school, setup.kind(), setup.displayName(), setup.location(), setup.clientId(),
                        setup.usernameClaim(), setup.roles(), clock.instant())
                : new SignInProvider(school, setup.displayName(), setup.directory(), setup.roles(), clock.instant());
        providers.add(provider);
        String source = setup.directory() == null ? setup.clientId() == null ? "" : ", client " + setup.clientId()
                : ", people under " + setup.directory().usersDn() + " read as " + setup.directory().bindDn();
        audit.record(school.slug().value(), before.isPresent() ? "school.sign-in-changed" : "school.sign-in-connected",
                setup.alias(), setup.recordedLocation() + " (roles from " + setup.roles().claim().orElse("nothing") + ", default "
                        + setup.roles().defaultRole().realmName() + source + ")");
        return ProviderSummary.of(provider);
    }

    /** The alias of the school's provider of that kind ({@code oidc}, {@code saml}, {@code ldap}). */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public String aliasOf(String slug, String kind) throws NotPermittedException, NotFoundException {
        Tenant school = school(slug);
        SignInProvider.Kind known = java.util.Arrays.stream(SignInProvider.Kind.values())
                .filter(k -> k.suffix().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("provider", kind));
        return providers.findByAlias(SignInProvider.aliasOf(school, known))
                .orElseThrow(() -> new NotFoundException("provider", kind)).alias();
    }

    /** Forgets the provider Keycloak no longer brokers; its people keep their accounts and data. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void disconnected(String slug, String alias) throws NotPermittedException, NotFoundException {
        Tenant school = school(slug);
        Optional<SignInProvider> provider = providers.findByAlias(alias).filter(p -> p.tenant().id().equals(school.id()));
        if (provider.isPresent()) {
            providers.remove(provider.get());
            audit.record(school.slug().value(), "school.sign-in-removed", alias, provider.get().location());
        }
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSignIn changeEmailDomains(String slug, List<String> domains)
            throws NotFoundException, InvalidInputException, ConflictException, NotPermittedException {
        Tenant school = school(slug);
        if (domains == null || domains.size() > MOST_DOMAINS) {
            throw new InvalidInputException("error.sign-in.too-many-domains", MOST_DOMAINS);
        }
        SortedSet<String> wanted = new TreeSet<>();
        for (String domain : domains) {
            String clean = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(clean).matches()) {
                throw new InvalidInputException("error.sign-in.domain-invalid", domain == null ? "" : SchoolSignInService.shorten(domain));
            }
            Optional<Tenant> owner = tenants.findByEmailDomain(clean);
            if (owner.isPresent() && !owner.get().id().equals(school.id())) {
                throw new ConflictException("error.sign-in.domain-taken", clean);
            }
            wanted.add(clean);
        }
        SortedSet<String> before = school.emailDomains();
        if (!before.equals(wanted)) {
            school.changeEmailDomains(wanted);
            audit.record(school.slug().value(), "school.email-domains-changed", school.slug().value(),
                    String.join(", ", before) + " -> " + String.join(", ", wanted));
        }
        return signInOf(school);
    }

    @PermitAll
    public Optional<SignInRoute> routeOfSchool(String slug) {
        if (slug == null || !TenantSlug.isValid(slug)) {
            return Optional.empty();
        }
        return tenants.findBySlug(new TenantSlug(slug)).filter(Tenant::isActive).map(this::routeOf);
    }

    @PermitAll
    public Optional<SignInRoute> routeOfEmail(String email) {
        if (email == null || email.length() > 320 || email.indexOf('@') < 1) {
            return Optional.empty();
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return tenants.findByEmailDomain(domain).filter(Tenant::isActive).map(this::routeOf);
    }

    private SignInRoute routeOf(Tenant school) {
        // a school with several providers is sent to the first: OIDC, then SAML, then its directory
        Optional<String> alias = providers.ofSchool(school).stream().min(java.util.Comparator.comparing(SignInProvider::kind))
                .map(SignInProvider::alias);
        return new SignInRoute(school.slug().value(), school.displayName(), alias);
    }

    private Tenant school(String slug) throws NotPermittedException, NotFoundException {
        Member caller = currentMember.require();
        if (slug == null || !TenantSlug.isValid(slug)) {
            throw new NotFoundException("school", slug == null ? "" : SchoolSignInService.shorten(slug));
        }
        TenantSlug wanted = new TenantSlug(slug);
        if (caller.hasRole(Role.PLATFORM_ADMIN)) {
            return tenants.findBySlug(wanted).orElseThrow(() -> new NotFoundException("school", slug));
        }
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw new NotPermittedException();
        }
        Tenant own = caller.tenant().orElseThrow(NotPermittedException::new);
        if (!own.slug().equals(wanted)) {
            throw new NotFoundException("school", slug);
        }
        return own;
    }
}

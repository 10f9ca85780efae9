package io.campuslab.domain.identity;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A school's own identity provider, brokered by Keycloak under {@link #alias()}: whoever signs in
 * through it belongs to this school and to no other, with the role its claims give (or the default).
 * The provider's secret lives in Keycloak only.
 */
@Entity
@Table(name = "sign_in_providers")
public class SignInProvider {

    /** How the school's people are known. */
    public enum Kind {
        /** OpenID Connect: Google Workspace, Microsoft Entra ID, another Keycloak ... */
        OIDC,
        /** SAML 2.0. */
        SAML,
        /** An LDAP or Active Directory directory, read only. */
        LDAP;

        /** The alias part after the school's slug. */
        public String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final int NAME_MAX = 100;
    public static final int LOCATION_MAX = 500;
    public static final int CLAIM_MAX = 100;
    public static final int VALUE_MAX = 200;
    /** The longest distinguished name a directory's entries may be named by. */
    public static final int DN_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @Column(name = "alias", nullable = false, unique = true, length = 64)
    private String alias;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    /** The issuer (OIDC), the metadata address (SAML) or the directory's URL (LDAP). */
    @Column(name = "location", nullable = false, length = LOCATION_MAX)
    private String location;

    @Column(name = "client_id", length = 255)
    private String clientId;

    @Column(name = "username_claim", nullable = false, length = CLAIM_MAX)
    private String usernameClaim;

    @Column(name = "role_claim", length = CLAIM_MAX)
    private String roleClaim;

    @Column(name = "teacher_value", length = VALUE_MAX)
    private String teacherValue;

    @Column(name = "admin_value", length = VALUE_MAX)
    private String adminValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_role", nullable = false, length = 32)
    private Role defaultRole;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** {@code ad} or {@code other}: a directory's kind (LDAP only). */
    @Column(name = "directory_vendor", length = 16)
    private String directoryVendor;

    @Column(name = "directory_bind_dn", length = DN_MAX)
    private String directoryBindDn;

    @Column(name = "directory_users_dn", length = DN_MAX)
    private String directoryUsersDn;

    @Column(name = "directory_groups_dn", length = DN_MAX)
    private String directoryGroupsDn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SignInProvider() {
        // for Jakarta Persistence
    }

    public SignInProvider(Tenant tenant, Kind kind, String displayName, String location, String clientId,
                          String usernameClaim, RoleMapping roles, Instant createdAt) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.alias = aliasOf(tenant, kind);
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.location = Objects.requireNonNull(location, "location");
        this.clientId = clientId;
        this.usernameClaim = Objects.requireNonNull(usernameClaim, "usernameClaim");
        this.roleClaim = roles.claim().orElse(null);
        this.teacherValue = roles.teacherValue().orElse(null);
        this.adminValue = roles.adminValue().orElse(null);
        this.defaultRole = roles.defaultRole();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A school's LDAP or Active Directory directory, whose address is the provider's location. */
    public SignInProvider(Tenant tenant, String displayName, DirectoryEntries directory, RoleMapping roles, Instant createdAt) {
        this(tenant, Kind.LDAP, displayName, directory.url(), null, directory.usernameAttribute(), roles, createdAt);
        this.directoryVendor = directory.activeDirectory() ? "ad" : "other";
        this.directoryBindDn = directory.bindDn();
        this.directoryUsersDn = directory.usersDn();
        this.directoryGroupsDn = directory.groupsDn().orElse(null);
    }

    /** The school's provider of this kind is known to Keycloak by this name (one per kind and school). */
    public static String aliasOf(Tenant tenant, Kind kind) {
        return aliasOf(tenant.slug(), kind);
    }

    public static String aliasOf(io.campuslab.domain.tenant.TenantSlug school, Kind kind) {
        return school.value() + "-" + kind.suffix();
    }

    public Long id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String alias() {
        return alias;
    }

    public Kind kind() {
        return kind;
    }

    public String displayName() {
        return displayName;
    }

    public String location() {
        return location;
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public String usernameClaim() {
        return usernameClaim;
    }

    public RoleMapping roles() {
        return new RoleMapping(Optional.ofNullable(roleClaim), Optional.ofNullable(teacherValue),
                Optional.ofNullable(adminValue), defaultRole);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Where a directory's people and groups are; none for an OpenID Connect or SAML provider. */
    public Optional<DirectoryEntries> directory() {
        if (kind != Kind.LDAP || directoryUsersDn == null) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryEntries(location, "ad".equals(directoryVendor), directoryBindDn, directoryUsersDn,
                usernameClaim, Optional.ofNullable(directoryGroupsDn)));
    }
}

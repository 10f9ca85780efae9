package io.campuslab.core.identity;

import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.DirectoryEntries;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.RoleMapping;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a school's people sign in: the school's own identity provider, brokered by Keycloak, and the
 * e-mail domains that send a person straight to it. A school admin connects their own school's
 * provider, the operator any school's; only the operator gives a school e-mail domains (a domain sends
 * people to a school's provider, so claiming another school's domain would be phishing its people).
 * Every change is audited; no transaction is open while Keycloak is asked ({@link SignInRecords} keeps
 * the records).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchoolSignInService {

    /** What a claim's or attribute's name may hold. */
    static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:/-]{1," + SignInProvider.CLAIM_MAX + "}");
    static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7e]{1,255}");
    static final int SECRET_MAX = 512;
    /** The most metadata XML one provider may have (a federation's whole list is not one provider's). */
    static final int METADATA_MAX = 256 * 1024;
    /** Where a provider's metadata came from when it was given as XML. */
    static final String METADATA_AS_XML = "metadata XML";

    @Inject
    SignInRecords records;

    @Inject
    ProviderConnections connections;

    @Inject
    DirectoryConnections directories;

    @Inject
    CoreSettings settings;

    /** The school's identity providers and e-mail domains, for its admins and the operator. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public SchoolSignIn of(String slug) throws NotPermittedException, NotFoundException {
        return records.of(slug).withDirectoriesEnabled(directories.enabled());
    }

    /**
     * Connects the school's OpenID Connect provider, or sets it anew. Whoever signs in through it
     * afterwards belongs to this school, with the role its claims give.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public ProviderSummary connectOidc(String slug, OidcProviderDraft draft)
            throws NotPermittedException, NotFoundException, InvalidInputException, DirectoryUnavailableException {
        TenantSlug school = records.administered(slug);
        String displayName = required(draft.displayName(), SignInProvider.NAME_MAX, "error.sign-in.name-invalid");
        String issuer = issuer(draft.issuer());
        String clientId = draft.clientId() == null ? "" : draft.clientId().strip();
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidInputException("error.sign-in.client-id-invalid");
        }
        String secret = draft.clientSecret() == null ? "" : draft.clientSecret();
        if (secret.isBlank() || secret.length() > SECRET_MAX || secret.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("error.sign-in.secret-invalid", SECRET_MAX);
        }
        String usernameClaim = draft.usernameClaim() == null || draft.usernameClaim().isBlank()
                ? "preferred_username" : claim(draft.usernameClaim());
        RoleMapping roles = roles(draft.roleClaim(), draft.teacherValue(), draft.adminValue(), draft.defaultRole());
        SignInProvider.Kind kind = SignInProvider.Kind.OIDC;
        ProviderSetup setup = new ProviderSetup(SignInProvider.aliasOf(school, kind), kind, school, displayName, issuer,
                clientId, secret, null, usernameClaim, roles);
        connections.connect(setup);
        return records.connected(setup);
    }

    /**
     * Connects the school's SAML 2.0 provider, or sets it anew, from its metadata (an address Keycloak
     * reads, or the XML itself). Whoever signs in through it afterwards belongs to this school, with the
     * role its attributes give.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public ProviderSummary connectSaml(String slug, SamlProviderDraft draft)
            throws NotPermittedException, NotFoundException, InvalidInputException, DirectoryUnavailableException {
        TenantSlug school = records.administered(slug);
        String displayName = required(draft.displayName(), SignInProvider.NAME_MAX, "error.sign-in.name-invalid");
        boolean byAddress = draft.metadataUrl() != null && !draft.metadataUrl().isBlank();
        boolean asXml = draft.metadataXml() != null && !draft.metadataXml().isBlank();
        if (byAddress == asXml) {
            throw new InvalidInputException("error.sign-in.metadata-missing");
        }
        String location = byAddress ? address(draft.metadataUrl(), "error.sign-in.metadata-url-invalid") : METADATA_AS_XML;
        String xml = asXml ? metadata(draft.metadataXml()) : null;
        String usernameAttribute = draft.usernameAttribute() == null || draft.usernameAttribute().isBlank()
                ? ProviderSetup.NAME_ID : claim(draft.usernameAttribute());
        RoleMapping roles = roles(draft.roleAttribute(), draft.teacherValue(), draft.adminValue(), draft.defaultRole());
        SignInProvider.Kind kind = SignInProvider.Kind.SAML;
        ProviderSetup setup = new ProviderSetup(SignInProvider.aliasOf(school, kind), kind, school, displayName, location,
                null, null, xml, usernameAttribute, roles);
        connections.connect(setup);
        return records.connected(setup);
    }

    /**
     * Connects the school's LDAP or Active Directory directory, or sets it anew: its people sign in
     * with their directory's name and password (checked by the directory at every sign-in), belong to
     * this school only, and take the role their groups give. Read only: CampusLab never writes to it.
     * The directory must answer and accept the reading account first.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public ProviderSummary connectLdap(String slug, LdapDirectoryDraft draft) throws NotPermittedException, NotFoundException,
            InvalidInputException, ConflictException, DirectoryUnavailableException {
        TenantSlug school = records.administered(slug);
        if (!directories.enabled()) {
            throw new ConflictException("error.sign-in.directories-off");
        }
        String displayName = required(draft.displayName(), SignInProvider.NAME_MAX, "error.sign-in.name-invalid");
        String url = DirectoryChecks.url(draft.url(), draft.startTls() || settings.demoData());
        String bindDn = DirectoryChecks.dn(draft.bindDn(), "error.sign-in.bind-dn-invalid");
        String password = draft.bindPassword() == null ? "" : draft.bindPassword();
        if (password.isEmpty() || password.length() > SECRET_MAX || password.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("error.sign-in.bind-password-invalid", SECRET_MAX);
        }
        String usersDn = DirectoryChecks.dn(draft.usersDn(), "error.sign-in.users-dn-invalid");
        String usernameAttribute = draft.usernameAttribute() == null || draft.usernameAttribute().isBlank()
                ? draft.activeDirectory() ? "sAMAccountName" : "uid" : DirectoryChecks.attribute(draft.usernameAttribute());
        Optional<String> filter = DirectoryChecks.filter(draft.userFilter());
        Optional<String> groupsDn = draft.groupsDn() == null || draft.groupsDn().isBlank() ? Optional.empty()
                : Optional.of(DirectoryChecks.dn(draft.groupsDn(), "error.sign-in.groups-dn-invalid"));
        boolean groupRoles = (draft.teacherGroup() != null && !draft.teacherGroup().isBlank())
                || (draft.adminGroup() != null && !draft.adminGroup().isBlank());
        if (groupRoles && groupsDn.isEmpty()) {
            throw new InvalidInputException("error.sign-in.groups-dn-missing");
        }
        RoleMapping roles = roles(groupRoles ? DirectorySetup.GROUPS_CLAIM : null, draft.teacherGroup(), draft.adminGroup(),
                draft.defaultRole());
        String alias = SignInProvider.aliasOf(school, SignInProvider.Kind.LDAP);
        DirectoryEntries entries = new DirectoryEntries(url, draft.activeDirectory(), bindDn, usersDn, usernameAttribute, groupsDn);
        String brokerSecret = DirectoryChecks.newSecret();
        DirectoryConnections.DirectoryRealm realm = directories.connect(new DirectorySetup(alias, displayName, entries, draft.startTls(), password,
                filter, brokerSecret, settings.oidcProviderUrl().replaceAll("/+$", "") + "/broker/" + alias
                + "/endpoint"));
        ProviderSetup setup = new ProviderSetup(alias, SignInProvider.Kind.LDAP, school, displayName, realm.issuer(),
                DirectorySetup.BROKER_CLIENT, realm.brokerSecret(), null, "preferred_username", roles, entries);
        try {
            connections.connect(setup);
        } catch (DirectoryUnavailableException e) {
            if (records.of(slug).providers().stream().noneMatch(p -> p.alias().equals(alias))) {
                // a directory read for nobody: forget it rather than leave it half connected
                directories.disconnect(alias);
            }
            throw e;
        }
        return records.connected(setup);
    }

    /** Removes the school's provider of that kind; its people keep their accounts and data, but sign in no more through it. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void disconnect(String slug, String kind)
            throws NotPermittedException, NotFoundException, DirectoryUnavailableException {
        String alias = records.aliasOf(slug, kind);
        connections.disconnect(alias);
        if (SignInProvider.Kind.LDAP.suffix().equals(kind)) {
            directories.disconnect(alias);
        }
        records.disconnected(slug, alias);
    }

    /** The operator gives the school its e-mail domains (each belongs to one school only). */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSignIn changeEmailDomains(String slug, List<String> domains)
            throws NotFoundException, InvalidInputException, ConflictException, NotPermittedException {
        return records.changeEmailDomains(slug, domains).withDirectoriesEnabled(directories.enabled());
    }

    /** Where the sign-in of the school of this slug starts; none for an unknown or suspended school. */
    @PermitAll
    public Optional<SignInRoute> routeOfSchool(String slug) {
        return records.routeOfSchool(slug);
    }

    /** Where the sign-in of a person with this e-mail address starts: their school's, if its domain is known. */
    @PermitAll
    public Optional<SignInRoute> routeOfEmail(String email) {
        return records.routeOfEmail(email);
    }

    private String issuer(String value) throws InvalidInputException {
        return address(value, "error.sign-in.issuer-invalid");
    }

    /** An https address (http only with the demo data), without user, query or fragment. */
    private String address(String value, String problem) throws InvalidInputException {
        String issuer = value == null ? "" : value.strip();
        try {
            URI uri = new URI(issuer);
            boolean https = "https".equals(uri.getScheme());
            boolean httpAllowed = "http".equals(uri.getScheme()) && settings.demoData();
            if (issuer.length() > SignInProvider.LOCATION_MAX || !(https || httpAllowed) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new InvalidInputException(problem, shorten(issuer));
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(problem, shorten(issuer));
        }
        return issuer.replaceAll("/+$", "");
    }

    private static RoleMapping roles(String roleClaim, String teacherValue, String adminValue, Role defaultRoleGiven)
            throws InvalidInputException {
        Role defaultRole = defaultRoleGiven == null ? Role.STUDENT : defaultRoleGiven;
        if (defaultRole != Role.STUDENT && defaultRole != Role.TEACHER) {
            throw new InvalidInputException("error.sign-in.default-role-invalid");
        }
        Optional<String> claim = Optional.ofNullable(roleClaim).filter(c -> !c.isBlank()).map(String::strip);
        Optional<String> teacher = value(teacherValue);
        Optional<String> admin = value(adminValue);
        if (claim.isPresent() && !CLAIM.matcher(claim.get()).matches()) {
            throw new InvalidInputException("error.sign-in.claim-invalid", shorten(claim.get()));
        }
        if (claim.isEmpty() && (teacher.isPresent() || admin.isPresent())) {
            throw new InvalidInputException("error.sign-in.role-claim-missing");
        }
        return new RoleMapping(claim, teacher, admin, defaultRole);
    }

    private static String metadata(String xml) throws InvalidInputException {
        String clean = xml.strip();
        if (clean.length() > METADATA_MAX || !clean.startsWith("<") || !clean.contains("EntityDescriptor")
                || clean.contains("<!DOCTYPE") || clean.contains("<!ENTITY")) {
            throw new InvalidInputException("error.sign-in.metadata-invalid", METADATA_MAX / 1024);
        }
        return clean;
    }

    private static Optional<String> value(String value) throws InvalidInputException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String clean = value.strip();
        if (clean.length() > SignInProvider.VALUE_MAX || clean.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("error.sign-in.value-invalid", SignInProvider.VALUE_MAX);
        }
        return Optional.of(clean);
    }

    private static String claim(String value) throws InvalidInputException {
        String clean = value.strip();
        if (!CLAIM.matcher(clean).matches()) {
            throw new InvalidInputException("error.sign-in.claim-invalid", shorten(clean));
        }
        return clean;
    }

    private static String required(String value, int max, String key) throws InvalidInputException {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty() || clean.length() > max || clean.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(key, max);
        }
        return clean;
    }

    static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}

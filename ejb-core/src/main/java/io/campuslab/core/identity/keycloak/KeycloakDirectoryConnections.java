package io.campuslab.core.identity.keycloak;

import io.campuslab.core.identity.DirectoryConnections;
import io.campuslab.core.identity.DirectorySetup;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.ProviderRefusedException;
import io.campuslab.core.platform.CoreSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Schools' directories, each read by a Keycloak realm of its own ({@code campuslab-<alias>}): an LDAP
 * user federation, read only, that checks passwords against the directory at every sign-in, and one
 * client through which CampusLab's realm brokers the realm as the school's OpenID provider. Spoken to
 * with an account of the master realm that may create realms and manage those it created: it never
 * reaches CampusLab's realm, and the portal's everyday account never reaches these.
 */
@ApplicationScoped
public class KeycloakDirectoryConnections implements DirectoryConnections {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectoryConnections.class.getName());
    private static final String FEDERATION = "org.keycloak.storage.UserStorageProvider";
    private static final String LDAP_MAPPER = "org.keycloak.storage.ldap.mappers.LDAPStorageMapper";
    /** The name of the directory's federation in its realm (one per realm). */
    private static final String DIRECTORY = "directory";
    private static final String GROUPS = DirectorySetup.GROUPS_CLAIM;

    @Inject
    CoreSettings settings;

    private KeycloakAdminApi api;

    @PostConstruct
    void connect() {
        settings.directoriesClientSecret().ifPresent(secret -> api = new KeycloakAdminApi(
                settings.keycloakUrl() + "/realms/" + settings.directoriesRealm(), settings.keycloakUrl() + "/admin/realms",
                settings.directoriesClientId(), secret));
    }

    @Override
    public boolean enabled() {
        return api != null;
    }

    /** The realm that reads the directory of this alias. */
    static String realmOf(String alias) {
        return "campuslab-" + alias;
    }

    @Override
    public DirectoryRealm connect(DirectorySetup setup) throws DirectoryUnavailableException {
        requireEnabled();
        String realm = realmOf(setup.alias());
        String path = "/" + KeycloakAdminApi.encode(realm);
        HttpResponse<String> found = api.send("GET", path, null);
        boolean created = found.statusCode() == 404;
        if (created) {
            require(api.send("POST", "", realm(realm, setup)), "create the realm " + realm);
        } else {
            require(found, "read the realm " + realm);
            require(api.send("PUT", path, Json.createObjectBuilder().add("displayName", setup.displayName()).build()),
                    "rename the realm " + realm);
        }
        String brokerSecret;
        try {
            test(path, setup);
            // a realm read before keeps its id; a new one is read once for it
            String realmId = ((JsonObject) KeycloakAdminApi.parse((created ? api.send("GET", path, null) : found).body()))
                    .getString("id");
            String federation = federation(path, realmId, setup);
            mapper(path, federation, "username", "user-attribute-ldap-mapper", Map.of("ldap.attribute", setup.entries().usernameAttribute()));
            mapper(path, federation, "first name", "user-attribute-ldap-mapper", Map.of("ldap.attribute", "givenName"));
            groups(path, federation, setup);
            verifyProfileOff(path);
            brokerSecret = broker(path, setup);
        } catch (DirectoryUnavailableException e) {
            if (created) {
                // nothing half made: a directory that cannot be read is not kept
                api.send("DELETE", path, null);
            }
            throw e;
        }
        LOG.info(() -> (created ? "Reading" : "Reading anew") + " the directory " + setup.entries().url() + " of " + setup.alias()
                + " in the realm " + realm);
        return new DirectoryRealm(settings.keycloakUrl() + "/realms/" + realm, brokerSecret);
    }

    @Override
    public void disconnect(String alias) throws DirectoryUnavailableException {
        requireEnabled();
        HttpResponse<String> response = api.send("DELETE", "/" + KeycloakAdminApi.encode(realmOf(alias)), null);
        if (response.statusCode() != 404) {
            require(response, "remove the realm of " + alias);
            LOG.info(() -> "No longer reading the directory of " + alias);
        }
    }

    /** A realm that lets in only whom the directory knows: no registration, no local passwords, no e-mail sign-in. */
    static JsonObject realm(String realm, DirectorySetup setup) {
        return Json.createObjectBuilder()
                .add("realm", realm)
                .add("displayName", setup.displayName())
                .add("enabled", true)
                .add("sslRequired", "external")
                .add("registrationAllowed", false)
                .add("resetPasswordAllowed", false)
                .add("rememberMe", false)
                .add("loginWithEmailAllowed", false)
                .add("editUsernameAllowed", false)
                .add("bruteForceProtected", true)
                .add("failureFactor", 10)
                .add("internationalizationEnabled", true)
                .add("supportedLocales", Json.createArrayBuilder().add("en").add("zh-CN"))
                .add("defaultLocale", "en")
                .build();
    }

    /** Binds as the reading account first: a directory out of reach, or refusing it, changes nothing. */
    private void test(String path, DirectorySetup setup) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("POST", path + "/testLDAPConnection", Json.createObjectBuilder()
                .add("action", "testAuthentication")
                .add("connectionUrl", setup.entries().url())
                .add("bindDn", setup.entries().bindDn())
                .add("bindCredential", setup.bindPassword())
                .add("authType", "simple")
                .add("startTls", Boolean.toString(setup.startTls()))
                .add("useTruststoreSpi", "always")
                // shorter than the admin API call's own timeout: an unreachable directory is Keycloak's answer, not ours
                .add("connectionTimeout", "5000")
                .build());
        if (response.statusCode() == 400) {
            String reason = KeycloakAdminApi.reason(response.body());
            if (reason.contains("AuthenticationFailure") || reason.contains("InvalidCredentials")) {
                throw new ProviderRefusedException("error.sign-in.directory-bind-refused", "bind as " + setup.entries().bindDn()
                        + ": " + reason, setup.entries().bindDn());
            }
            throw new ProviderRefusedException("error.sign-in.directory-unreachable", "connect to " + setup.entries().url()
                    + ": " + reason, setup.entries().url(), reason);
        }
        require(response, "test the directory of " + setup.alias());
    }

    /** The federation of the directory, created or set anew; returns its id. */
    private String federation(String path, String realmId, DirectorySetup setup) throws DirectoryUnavailableException {
        Optional<JsonObject> existing = component(path, "?type=" + FEDERATION, DIRECTORY);
        JsonObject component = Json.createObjectBuilder()
                .add("name", DIRECTORY)
                .add("providerId", "ldap")
                .add("providerType", FEDERATION)
                .add("parentId", realmId)
                .add("config", config(federationConfig(setup)))
                .build();
        if (existing.isPresent()) {
            String id = existing.get().getString("id");
            require(api.send("PUT", path + "/components/" + KeycloakAdminApi.encode(id),
                    Json.createObjectBuilder(component).add("id", id).build()), "set the directory of " + setup.alias() + " anew");
            return id;
        }
        HttpResponse<String> response = api.send("POST", path + "/components", component);
        require(response, "read the directory of " + setup.alias());
        return KeycloakAdminApi.createdId(response, "read the directory of " + setup.alias());
    }

    /** How Keycloak reads the directory: read only, imported at sign-in, never synchronised in bulk. */
    static Map<String, String> federationConfig(DirectorySetup setup) {
        boolean ad = setup.entries().activeDirectory();
        Map<String, String> config = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("enabled", "true"),
                Map.entry("priority", "0"),
                Map.entry("editMode", "READ_ONLY"),
                Map.entry("vendor", ad ? "ad" : "other"),
                Map.entry("connectionUrl", setup.entries().url()),
                Map.entry("startTls", Boolean.toString(setup.startTls())),
                Map.entry("authType", "simple"),
                Map.entry("bindDn", setup.entries().bindDn()),
                Map.entry("bindCredential", setup.bindPassword()),
                Map.entry("usersDn", setup.entries().usersDn()),
                Map.entry("usernameLDAPAttribute", setup.entries().usernameAttribute()),
                Map.entry("rdnLDAPAttribute", ad ? "cn" : "uid"),
                Map.entry("uuidLDAPAttribute", ad ? "objectGUID" : "entryUUID"),
                Map.entry("userObjectClasses", ad ? "person, organizationalPerson, user" : "inetOrgPerson, organizationalPerson"),
                Map.entry("searchScope", "2"),
                Map.entry("importEnabled", "true"),
                Map.entry("syncRegistrations", "false"),
                Map.entry("trustEmail", "false"),
                Map.entry("useTruststoreSpi", "always"),
                Map.entry("connectionPooling", "true"),
                Map.entry("pagination", "true"),
                Map.entry("fullSyncPeriod", "-1"),
                Map.entry("changedSyncPeriod", "-1"),
                Map.entry("cachePolicy", "NO_CACHE"),
                Map.entry("validatePasswordPolicy", "false"),
                Map.entry("allowKerberosAuthentication", "false"),
                Map.entry("useKerberosForPasswordAuthentication", "false"),
                Map.entry("connectionTimeout", "10000"),
                Map.entry("readTimeout", "10000")));
        setup.userFilter().ifPresent(filter -> config.put("customUserSearchFilter", filter));
        return config;
    }

    /** Roles come from the groups people are in: read from the directory at every sign-in, never written. */
    private void groups(String path, String federation, DirectorySetup setup) throws DirectoryUnavailableException {
        Optional<JsonObject> existing = component(path, "?parent=" + KeycloakAdminApi.encode(federation), GROUPS);
        if (existing.isPresent()) {
            require(api.send("DELETE", path + "/components/" + KeycloakAdminApi.encode(existing.get().getString("id")), null),
                    "remove the groups of " + setup.alias());
        }
        if (setup.entries().groupsDn().isEmpty()) {
            return;
        }
        boolean ad = setup.entries().activeDirectory();
        require(api.send("POST", path + "/components", Json.createObjectBuilder()
                .add("name", GROUPS)
                .add("providerId", "group-ldap-mapper")
                .add("providerType", LDAP_MAPPER)
                .add("parentId", federation)
                .add("config", config(Map.ofEntries(
                        Map.entry("groups.dn", setup.entries().groupsDn().get()),
                        Map.entry("group.name.ldap.attribute", "cn"),
                        Map.entry("group.object.classes", ad ? "group" : "groupOfNames"),
                        Map.entry("preserve.group.inheritance", "false"),
                        Map.entry("ignore.missing.groups", "false"),
                        Map.entry("membership.ldap.attribute", "member"),
                        Map.entry("membership.attribute.type", "DN"),
                        Map.entry("membership.user.ldap.attribute", setup.entries().usernameAttribute()),
                        Map.entry("mode", "READ_ONLY"),
                        Map.entry("user.roles.retrieve.strategy", "LOAD_GROUPS_BY_MEMBER_ATTRIBUTE"),
                        Map.entry("memberof.ldap.attribute", "memberOf"),
                        Map.entry("drop.non.existing.groups.during.sync", "false"),
                        Map.entry("groups.path", "/"))))
                .build()), "read the groups of " + setup.alias());
    }

    /** Sets one of the mappers Keycloak gave the federation (or adds it) to read this. */
    private void mapper(String path, String federation, String name, String type, Map<String, String> values)
            throws DirectoryUnavailableException {
        Optional<JsonObject> existing = component(path, "?parent=" + KeycloakAdminApi.encode(federation), name);
        if (existing.isPresent()) {
            JsonObjectBuilder config = Json.createObjectBuilder(existing.get().getJsonObject("config"));
            values.forEach((key, value) -> config.add(key, Json.createArrayBuilder().add(value)));
            require(api.send("PUT", path + "/components/" + KeycloakAdminApi.encode(existing.get().getString("id")),
                    Json.createObjectBuilder(existing.get()).add("config", config).build()), "set the mapper " + name);
        } else {
            require(api.send("POST", path + "/components", Json.createObjectBuilder()
                    .add("name", name).add("providerId", type).add("providerType", LDAP_MAPPER).add("parentId", federation)
                    .add("config", config(values)).build()), "add the mapper " + name);
        }
    }

    /**
     * People whose directory entry lacks a name or an e-mail address are not asked for them: the
     * directory is read only, and CampusLab needs neither.
     */
    private void verifyProfileOff(String path) throws DirectoryUnavailableException {
        HttpResponse<String> action = api.send("GET", path + "/authentication/required-actions/VERIFY_PROFILE", null);
        if (action.statusCode() == 404) {
            return;
        }
        require(action, "read the profile check");
        JsonObject off = Json.createObjectBuilder((JsonObject) KeycloakAdminApi.parse(action.body()))
                .add("enabled", false).add("defaultAction", false).build();
        require(api.send("PUT", path + "/authentication/required-actions/VERIFY_PROFILE", off), "turn the profile check off");
    }

    /**
     * The one client of the realm: CampusLab's realm at its broker endpoint, the code flow with PKCE
     * only, and the names of the person's groups in the tokens. A new client takes the secret given;
     * one set anew keeps its own, so that CampusLab's realm never holds another. Returns the secret.
     */
    private String broker(String path, DirectorySetup setup) throws DirectoryUnavailableException {
        JsonObjectBuilder client = Json.createObjectBuilder()
                .add("clientId", DirectorySetup.BROKER_CLIENT)
                .add("name", "CampusLab")
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", false)
                .add("clientAuthenticatorType", "client-secret")
                .add("redirectUris", Json.createArrayBuilder().add(setup.brokerEndpoint()))
                .add("webOrigins", Json.createArrayBuilder())
                .add("standardFlowEnabled", true)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("serviceAccountsEnabled", false)
                .add("frontchannelLogout", false)
                .add("attributes", Json.createObjectBuilder().add("pkce.code.challenge.method", "S256"));
        HttpResponse<String> found = api.send("GET", path + "/clients?clientId=" + DirectorySetup.BROKER_CLIENT, null);
        require(found, "read the client of " + setup.alias());
        List<JsonObject> clients = KeycloakAdminApi.objects(found);
        String id;
        String secret;
        if (clients.isEmpty()) {
            secret = setup.brokerSecret();
            HttpResponse<String> created = api.send("POST", path + "/clients", client.add("secret", secret).build());
            require(created, "add the client of " + setup.alias());
            id = KeycloakAdminApi.createdId(created, "add the client of " + setup.alias());
        } else {
            id = clients.get(0).getString("id");
            require(api.send("PUT", path + "/clients/" + KeycloakAdminApi.encode(id), client.add("id", id).build()),
                    "set the client of " + setup.alias() + " anew");
            HttpResponse<String> kept = api.send("GET", path + "/clients/" + KeycloakAdminApi.encode(id) + "/client-secret", null);
            require(kept, "read the client secret of " + setup.alias());
            secret = ((JsonObject) KeycloakAdminApi.parse(kept.body())).getString("value");
        }
        String mappers = path + "/clients/" + KeycloakAdminApi.encode(id) + "/protocol-mappers/models";
        HttpResponse<String> present = api.send("GET", mappers, null);
        require(present, "read the claims of " + setup.alias());
        boolean hasGroups = KeycloakAdminApi.objects(present).stream()
                .anyMatch(mapper -> GROUPS.equals(mapper.getString("name", "")));
        if (!hasGroups) {
            require(api.send("POST", mappers, Json.createObjectBuilder()
                    .add("name", GROUPS)
                    .add("protocol", "openid-connect")
                    .add("protocolMapper", "oidc-group-membership-mapper")
                    .add("config", Json.createObjectBuilder()
                            .add("claim.name", GROUPS)
                            .add("full.path", "false")
                            .add("id.token.claim", "true")
                            .add("access.token.claim", "true")
                            .add("userinfo.token.claim", "true"))
                    .build()), "name the groups of " + setup.alias());
        }
        return secret;
    }

    private Optional<JsonObject> component(String path, String query, String name) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("GET", path + "/components" + query, null);
        require(response, "read the components of " + path);
        return KeycloakAdminApi.objects(response).stream()
                .filter(component -> name.equals(component.getString("name", ""))).findFirst();
    }

    /** Keycloak's component configuration: every value a list of strings. */
    private static JsonObjectBuilder config(Map<String, String> values) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        values.forEach((key, value) -> config.add(key, Json.createArrayBuilder().add(value)));
        return config;
    }

    private void requireEnabled() throws DirectoryUnavailableException {
        if (api == null) {
            throw new DirectoryUnavailableException("directories are off: campuslab.directories.client-secret is not set");
        }
    }

    private static void require(HttpResponse<String> response, String what) throws DirectoryUnavailableException {
        KeycloakAdminApi.requireSuccess(response, what);
    }
}

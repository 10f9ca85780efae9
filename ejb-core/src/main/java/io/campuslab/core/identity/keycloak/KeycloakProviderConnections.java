package io.campuslab.core.identity.keycloak;

import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.ProviderConnections;
import io.campuslab.core.identity.ProviderRefusedException;
import io.campuslab.core.identity.ProviderSetup;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.SignInProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A school's identity providers in Keycloak's realm. Each is hidden from the realm's sign-in page
 * (people reach it through their school's page or e-mail domain), trusts no e-mail address it sends,
 * and has exactly the mappers set here, which run at every sign-in: the school's group, a user name
 * that no CampusLab account can have ({@code <alias>_<claim>}: local names hold no underscore), the
 * default role, and the higher roles its claims give.
 */
@ApplicationScoped
public class KeycloakProviderConnections implements ProviderConnections {

    private static final Logger LOG = Logger.getLogger(KeycloakProviderConnections.class.getName());

    @Inject
    CoreSettings settings;

    private KeycloakAdminApi api;

    @PostConstruct
    void connect() {
        api = new KeycloakAdminApi(settings.oidcProviderUrl(), settings.oidcClientId(), settings.oidcClientSecret());
    }

    @Override
    public void connect(ProviderSetup setup) throws DirectoryUnavailableException {
        // a directory is brokered as the OpenID provider its realm is
        Map<String, String> discovered = setup.kind() == SignInProvider.Kind.SAML ? metadata(setup) : discover(setup.location());
        String path = "/identity-provider/instances/" + KeycloakAdminApi.encode(setup.alias());
        boolean exists = api.send("GET", path, null).statusCode() == 200;
        JsonObject provider = provider(setup, discovered);
        if (exists) {
            require(api.send("PUT", path, provider), "update provider " + setup.alias());
            for (JsonObject mapper : mappersOf(setup.alias())) {
                require(api.send("DELETE", path + "/mappers/" + KeycloakAdminApi.encode(mapper.getString("id")), null),
                        "remove a mapper of " + setup.alias());
            }
        } else {
            require(api.send("POST", "/identity-provider/instances", provider), "create provider " + setup.alias());
        }
        try {
            for (JsonObject mapper : mappers(setup)) {
                require(api.send("POST", path + "/mappers", mapper), "add mapper " + mapper.getString("name") + " to " + setup.alias());
            }
        } catch (DirectoryUnavailableException e) {
            // a provider without its group mapper would let people in without a school: none rather than that
            api.send("DELETE", path, null);
            throw e;
        }
        LOG.info(() -> (exists ? "Set anew" : "Connected") + " the provider " + setup.alias() + " of " + setup.school()
                + " (" + setup.location() + ")");
    }

    @Override
    public void disconnect(String alias) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("DELETE", "/identity-provider/instances/" + KeycloakAdminApi.encode(alias), null);
        if (response.statusCode() != 404) {
            require(response, "remove provider " + alias);
            LOG.info(() -> "Removed the provider " + alias);
        }
    }

    /** Keycloak reads the provider's discovery document itself: what it can reach is what sign-ins will use. */
    private Map<String, String> discover(String issuer) throws DirectoryUnavailableException {
        String document = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        HttpResponse<String> response = api.send("POST", "/identity-provider/import-config",
                Json.createObjectBuilder().add("providerId", "oidc").add("fromUrl", document).build());
        if (response.statusCode() / 100 == 5 || response.statusCode() == 400) {
            throw new ProviderRefusedException("error.sign-in.discovery", "discovery " + document + ": HTTP "
                    + response.statusCode() + " " + KeycloakAdminApi.reason(response.body()), document);
        }
        require(response, "read " + document);
        Map<String, String> values = strings((JsonObject) KeycloakAdminApi.parse(response.body()));
        String named = values.getOrDefault("issuer", "");
        if (!sameIssuer(named, issuer)) {
            throw new ProviderRefusedException("error.sign-in.issuer-mismatch", "discovery " + document + " names " + named,
                    issuer, named);
        }
        return values;
    }

    /** Keycloak reads the SAML provider's metadata, from its address or as the XML given. */
    private Map<String, String> metadata(ProviderSetup setup) throws DirectoryUnavailableException {
        HttpResponse<String> response = setup.metadataXml() == null
                ? api.send("POST", "/identity-provider/import-config",
                        Json.createObjectBuilder().add("providerId", "saml").add("fromUrl", setup.location()).build())
                : api.sendForm("/identity-provider/import-config", Map.of("providerId", "saml"),
                        "file", "metadata.xml", setup.metadataXml());
        if (response.statusCode() / 100 == 5 || response.statusCode() == 400) {
            throw new ProviderRefusedException("error.sign-in.metadata-unreadable", "SAML metadata " + setup.location() + ": HTTP "
                    + response.statusCode() + " " + KeycloakAdminApi.reason(response.body()), setup.location());
        }
        require(response, "read the metadata of " + setup.alias());
        Map<String, String> values = strings((JsonObject) KeycloakAdminApi.parse(response.body()));
        if (values.getOrDefault("singleSignOnServiceUrl", "").isBlank()) {
            throw new ProviderRefusedException("error.sign-in.metadata-unreadable", "no sign-on service in " + setup.location(),
                    setup.location());
        }
        return values;
    }

    private static Map<String, String> strings(JsonObject config) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (value.getValueType() == JsonValue.ValueType.STRING) {
                values.put(key, ((JsonString) value).getString());
            } else if (value.getValueType() != JsonValue.ValueType.NULL) {
                values.put(key, value.toString());
            }
        });
        return values;
    }

    static boolean sameIssuer(String named, String given) {
        return named.replaceAll("/+$", "").equals(given.replaceAll("/+$", ""));
    }

    static JsonObject provider(ProviderSetup setup, Map<String, String> discovered) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        boolean oidc = setup.kind() != SignInProvider.Kind.SAML;
        if (oidc) {
            for (String key : List.of("issuer", "authorizationUrl", "tokenUrl", "jwksUrl", "userInfoUrl", "logoutUrl")) {
                String value = discovered.get(key);
                if (value != null && !value.isBlank()) {
                    config.add(key, value);
                }
            }
            config.add("clientId", setup.clientId())
                    .add("clientSecret", setup.clientSecret())
                    .add("clientAuthMethod", "client_secret_post")
                    .add("defaultScope", "openid profile email")
                    .add("useJwksUrl", "true")
                    .add("pkceEnabled", "true")
                    .add("pkceMethod", "S256");
        } else {
            for (String key : List.of("idpEntityId", "singleSignOnServiceUrl", "singleLogoutServiceUrl", "signingCertificate",
                    "nameIDPolicyFormat", "postBindingResponse", "postBindingAuthnRequest", "postBindingLogout",
                    "wantAuthnRequestsSigned", "addExtensionsElementWithKeyInfo", "loginHint")) {
                String value = discovered.get(key);
                if (value != null && !value.isBlank()) {
                    config.add(key, value);
                }
            }
            // the assertions must be signed by the key the metadata names; CampusLab's requests need not be
            config.add("entityId", setup.serviceProviderEntityId())
                    .add("principalType", "SUBJECT")
                    .add("wantAssertionsSigned", "false");
        }
        config.add("validateSignature", "true")
                .add("syncMode", "FORCE")
                .add("hideOnLoginPage", "true");
        return Json.createObjectBuilder()
                .add("alias", setup.alias())
                .add("displayName", setup.displayName())
                .add("providerId", oidc ? "oidc" : "saml")
                .add("enabled", true)
                .add("hideOnLogin", true)
                .add("trustEmail", false)
                .add("storeToken", false)
                .add("addReadTokenRoleOnCreate", false)
                .add("linkOnly", false)
                .add("config", config)
                .build();
    }

    /** The mappers of a school's provider, each applied at every sign-in. */
    static List<JsonObject> mappers(ProviderSetup setup) {
        List<JsonObject> mappers = new ArrayList<>();
        mappers.add(mapper(setup, "school", "oidc-hardcoded-group-idp-mapper",
                Json.createObjectBuilder().add("group", "/" + setup.school().value())));
        boolean oidc = setup.kind() != SignInProvider.Kind.SAML;
        String name = oidc ? "${CLAIM." + setup.usernameClaim() + "}"
                : ProviderSetup.NAME_ID.equals(setup.usernameClaim()) ? "${NAMEID}" : "${ATTRIBUTE." + setup.usernameClaim() + "}";
        mappers.add(mapper(setup, "user name", oidc ? "oidc-username-idp-mapper" : "saml-username-idp-mapper",
                Json.createObjectBuilder().add("template", "${ALIAS}_" + name).add("target", "LOCAL")));
        mappers.add(mapper(setup, "default role", "oidc-hardcoded-role-idp-mapper",
                Json.createObjectBuilder().add("role", setup.roles().defaultRole().realmName())));
        setup.roles().claim().ifPresent(claim -> {
            setup.roles().teacherValue().ifPresent(value -> mappers.add(claimRole(setup, claim, value, Role.TEACHER)));
            setup.roles().adminValue().ifPresent(value -> mappers.add(claimRole(setup, claim, value, Role.TENANT_ADMIN)));
        });
        return mappers;
    }

    private static JsonObject claimRole(ProviderSetup setup, String claim, String value, Role role) {
        if (setup.kind() == SignInProvider.Kind.SAML) {
            return mapper(setup, role.realmName(), "saml-role-idp-mapper", Json.createObjectBuilder()
                    .add("attribute.name", claim).add("attribute.value", value).add("role", role.realmName()));
        }
        return mapper(setup, role.realmName(), "oidc-role-idp-mapper",
                Json.createObjectBuilder().add("claim", claim).add("claim.value", value).add("role", role.realmName()));
    }

    private static JsonObject mapper(ProviderSetup setup, String name, String type, JsonObjectBuilder config) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("identityProviderAlias", setup.alias())
                .add("identityProviderMapper", type)
                .add("config", config.add("syncMode", "FORCE"))
                .build();
    }

    private List<JsonObject> mappersOf(String alias) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("GET", "/identity-provider/instances/" + KeycloakAdminApi.encode(alias) + "/mappers", null);
        require(response, "read the mappers of " + alias);
        return KeycloakAdminApi.objects(response);
    }

    private static void require(HttpResponse<String> response, String what) throws DirectoryUnavailableException {
        KeycloakAdminApi.requireSuccess(response, what);
    }
}

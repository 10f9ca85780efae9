package io.campuslab.core.identity.keycloak;

import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * School groups in Keycloak. A school is the group named by its slug, with the attribute
 * {@code tenant=<slug>} that the realm's mapper puts into every member's tokens.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakIdentityDirectory.class.getName());

    @Inject
    CoreSettings settings;

    private KeycloakAdminApi api;

    @PostConstruct
    void connect() {
        api = new KeycloakAdminApi(settings.oidcProviderUrl(), settings.oidcClientId(), settings.oidcClientSecret());
    }

    @Override
    public void createSchoolGroup(TenantSlug school, String displayName) throws DirectoryUnavailableException, ConflictException {
        JsonObject group = Json.createObjectBuilder()
                .add("name", school.value())
                .add("attributes", Json.createObjectBuilder()
                        .add("tenant", Json.createArrayBuilder().add(school.value()))
                        .add("displayName", Json.createArrayBuilder().add(displayName)))
                .build();
        HttpResponse<String> response = api.send("POST", "/groups", group);
        if (response.statusCode() == 409) {
            throw new ConflictException("error.school.exists-in-directory", school.value());
        }
        requireSuccess(response, "create group " + school);
        LOG.info(() -> "Created the school group " + school + " in Keycloak");
    }

    @Override
    public void deleteSchoolGroup(TenantSlug school) throws DirectoryUnavailableException {
        Optional<JsonObject> group = find(school);
        if (group.isPresent()) {
            requireSuccess(api.send("DELETE", "/groups/" + group.get().getString("id"), null), "delete group " + school);
            LOG.info(() -> "Deleted the school group " + school + " from Keycloak");
        }
    }

    @Override
    public boolean hasSchoolGroup(TenantSlug school) throws DirectoryUnavailableException {
        return find(school)
                .map(group -> group.getJsonObject("attributes"))
                .map(attributes -> attributes.getJsonArray("tenant"))
                .map(values -> values.getValuesAs(JsonValue::toString).contains("\"" + school.value() + "\""))
                .orElse(false);
    }

    private Optional<JsonObject> find(TenantSlug school) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("GET", "/groups?exact=true&briefRepresentation=false&search="
                + KeycloakAdminApi.encode(school.value()), null);
        requireSuccess(response, "find group " + school);
        return ((JsonArray) KeycloakAdminApi.parse(response.body())).getValuesAs(JsonObject.class).stream()
                .filter(group -> school.value().equals(group.getString("name", null)))
                .findFirst();
    }

    private static void requireSuccess(HttpResponse<String> response, String what) throws DirectoryUnavailableException {
        if (response.statusCode() / 100 != 2) {
            LOG.warning(() -> "Keycloak admin API, " + what + ": HTTP " + response.statusCode() + " " + response.body());
            throw new DirectoryUnavailableException(what + ": HTTP " + response.statusCode());
        }
    }
}

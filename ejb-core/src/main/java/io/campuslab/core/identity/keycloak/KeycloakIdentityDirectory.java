package io.campuslab.core.identity.keycloak;

import io.campuslab.core.identity.DirectoryGroup;
import io.campuslab.core.identity.DirectoryPerson;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.identity.NewPerson;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * School groups in Keycloak. A school is the group named by its slug, with the attribute
 * {@code tenant=<slug>} that the realm's mapper puts into every member's tokens.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakIdentityDirectory.class.getName());
    private static final int PAGE = 100;
    /** More groups below one school are not listed. */
    private static final int MOST_GROUPS = 500;
    /** More members of one group are not read: a roster holds fewer. */
    private static final int MOST_MEMBERS = 1000;

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
        KeycloakAdminApi.requireSuccess(response, "create group " + school);
        LOG.info(() -> "Created the school group " + school + " in Keycloak");
    }

    @Override
    public void deleteSchoolGroup(TenantSlug school) throws DirectoryUnavailableException {
        Optional<JsonObject> group = find(school);
        if (group.isPresent()) {
            KeycloakAdminApi.requireSuccess(api.send("DELETE", "/groups/" + group.get().getString("id"), null), "delete group " + school);
            LOG.info(() -> "Deleted the school group " + school + " from Keycloak");
        }
    }


    @Override
    public String createPerson(TenantSlug school, NewPerson person, Role role, String temporaryPassword)
            throws DirectoryUnavailableException, ConflictException {
        var user = Json.createObjectBuilder()
                .add("username", person.username())
                .add("enabled", true)
                .add("firstName", person.firstName() == null ? "" : person.firstName())
                .add("lastName", person.lastName() == null ? "" : person.lastName())
                .add("groups", Json.createArrayBuilder().add("/" + school.value()))
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", temporaryPassword).add("temporary", true)));
        if (person.email() != null && !person.email().isBlank()) {
            user.add("email", person.email());
        }
        HttpResponse<String> response = api.send("POST", "/users", user.build());
        if (response.statusCode() == 409 && !KeycloakAdminApi.reason(response.body()).toLowerCase(java.util.Locale.ROOT).contains("email")) {
            throw new ConflictException("error.member.exists-in-directory", person.username());
        }
        KeycloakAdminApi.requireSuccess(response, "create user " + person.username());
        String subject = KeycloakAdminApi.createdId(response, "create user");
        setRole(subject, role);
        return subject;
    }

    @Override
    public void deletePerson(String subject) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("DELETE", "/users/" + KeycloakAdminApi.encode(subject), null);
        if (response.statusCode() != 404) {
            KeycloakAdminApi.requireSuccess(response, "delete user " + subject);
        }
    }

    @Override
    public void setEnabled(String subject, boolean enabled) throws DirectoryUnavailableException {
        String user = "/users/" + KeycloakAdminApi.encode(subject);
        KeycloakAdminApi.requireSuccess(api.send("PUT", user, Json.createObjectBuilder().add("enabled", enabled).build()),
                (enabled ? "enable " : "disable ") + subject);
        if (!enabled) {
            KeycloakAdminApi.requireSuccess(api.send("POST", user + "/logout", null), "end the sessions of " + subject);
        }
    }

    @Override
    public void resetPassword(String subject, String temporaryPassword) throws DirectoryUnavailableException {
        KeycloakAdminApi.requireSuccess(api.send("PUT", "/users/" + KeycloakAdminApi.encode(subject) + "/reset-password",
                Json.createObjectBuilder().add("type", "password").add("value", temporaryPassword).add("temporary", true).build()),
                "reset the password of " + subject);
    }

    @Override
    public void setRole(String subject, Role role) throws DirectoryUnavailableException {
        String path = "/users/" + KeycloakAdminApi.encode(subject) + "/role-mappings/realm";
        HttpResponse<String> current = api.send("GET", path, null);
        KeycloakAdminApi.requireSuccess(current, "read roles of " + subject);
        var stale = Json.createArrayBuilder();
        int staleCount = 0;
        for (JsonObject mapped : KeycloakAdminApi.objects(current)) {
            if (Role.ofRealmName(mapped.getString("name")).isPresent() && !mapped.getString("name").equals(role.realmName())) {
                stale.add(mapped);
                staleCount++;
            }
        }
        if (staleCount > 0) {
            KeycloakAdminApi.requireSuccess(api.send("DELETE", path, stale.build()), "remove roles of " + subject);
        }
        // The role as the user may be given it: reading the realm's roles would need view-realm
        HttpResponse<String> available = api.send("GET", path + "/available", null);
        KeycloakAdminApi.requireSuccess(available, "read roles " + subject + " may be given");
        Optional<JsonObject> wanted = KeycloakAdminApi.objects(available).stream()
                .filter(candidate -> role.realmName().equals(candidate.getString("name")))
                .findFirst();
        if (wanted.isPresent()) {
            KeycloakAdminApi.requireSuccess(api.send("POST", path, Json.createArrayBuilder().add(wanted.get()).build()),
                    "grant " + role.realmName() + " to " + subject);
        }
    }

    @Override
    public boolean usernameTaken(String username) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("GET", "/users?exact=true&briefRepresentation=true&username="
                + KeycloakAdminApi.encode(username), null);
        KeycloakAdminApi.requireSuccess(response, "find user " + username);
        return !KeycloakAdminApi.objects(response).isEmpty();
    }

    @Override
    public List<DirectoryGroup> groupsOf(TenantSlug school) throws DirectoryUnavailableException {
        Optional<JsonObject> root = find(school);
        if (root.isEmpty()) {
            return List.of();
        }
        String prefix = root.get().getString("path", "/" + school.value()) + "/";
        List<DirectoryGroup> found = new ArrayList<>();
        Deque<String> parents = new ArrayDeque<>(List.of(root.get().getString("id")));
        while (!parents.isEmpty() && found.size() < MOST_GROUPS) {
            String parent = parents.removeFirst();
            for (JsonObject child : page("/groups/" + KeycloakAdminApi.encode(parent) + "/children?briefRepresentation=true",
                    "subgroups of " + school, MOST_GROUPS)) {
                String path = child.getString("path", "");
                found.add(new DirectoryGroup(child.getString("id"),
                        path.startsWith(prefix) ? path.substring(prefix.length()) : child.getString("name")));
                if (child.getInt("subGroupCount", 1) > 0) {
                    parents.addLast(child.getString("id"));
                }
            }
        }
        found.sort(Comparator.comparing(DirectoryGroup::path));
        return found.size() > MOST_GROUPS ? List.copyOf(found.subList(0, MOST_GROUPS)) : found;
    }

    @Override
    public List<DirectoryPerson> membersOf(TenantSlug school, String groupId) throws DirectoryUnavailableException, NotFoundException {
        String path = "/groups/" + KeycloakAdminApi.encode(groupId);
        HttpResponse<String> group = api.send("GET", path, null);
        if (group.statusCode() == 404) {
            throw new NotFoundException("group", groupId);
        }
        KeycloakAdminApi.requireSuccess(group, "read group " + groupId);
        if (!((JsonObject) KeycloakAdminApi.parse(group.body())).getString("path", "").startsWith("/" + school.value() + "/")) {
            throw new NotFoundException("group", groupId);
        }
        return page(path + "/members?briefRepresentation=true", "members of group " + groupId, MOST_MEMBERS).stream()
                .map(user -> new DirectoryPerson(user.getString("id"), user.getString("username"),
                        (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip(),
                        user.getString("email", null)))
                .toList();
    }

    @Override
    public Set<Role> rolesOf(String subject) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("GET", "/users/" + KeycloakAdminApi.encode(subject)
                + "/role-mappings/realm/composite?briefRepresentation=true", null);
        KeycloakAdminApi.requireSuccess(response, "read roles of " + subject);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonObject mapped : KeycloakAdminApi.objects(response)) {
            Role.ofRealmName(mapped.getString("name")).ifPresent(roles::add);
        }
        return roles;
    }

    /** Up to {@code most} objects of a paged list, page by page. */
    private List<JsonObject> page(String path, String what, int most) throws DirectoryUnavailableException {
        List<JsonObject> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        while (all.size() < most) {
            HttpResponse<String> response = api.send("GET", path + separator + "first=" + all.size() + "&max=" + PAGE, null);
            KeycloakAdminApi.requireSuccess(response, what);
            List<JsonObject> batch = KeycloakAdminApi.objects(response);
            all.addAll(batch);
            if (batch.size() < PAGE) {
                break;
            }
        }
        return all.size() > most ? all.subList(0, most) : all;
    }

    private Optional<JsonObject> find(TenantSlug school) throws DirectoryUnavailableException {
        HttpResponse<String> response = api.send("GET", "/groups?exact=true&briefRepresentation=false&search="
                + KeycloakAdminApi.encode(school.value()), null);
        KeycloakAdminApi.requireSuccess(response, "find group " + school);
        return KeycloakAdminApi.objects(response).stream()
                .filter(group -> school.value().equals(group.getString("name", null)))
                .findFirst();
    }
}

package io.campuslab.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** The test Keycloak's admin API as its bootstrap admin, to arrange and inspect the realm. */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bootstrap admin's token, reused for 45 s, and when it was taken. */
    private static String adminToken;
    private static Instant adminTokenTaken = Instant.MIN;

    private KeycloakAdmin() {
    }

    public static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    public static int post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static int put(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static int delete(String path) throws Exception {
        return send(request(path).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A DELETE with a body, as Keycloak takes the role mappings to remove. */
    public static int delete(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The id of the person with that exact user name. */
    public static String userId(String username) throws Exception {
        return get("/users?exact=true&username=" + username).path(0).path("id").asText();
    }

    /** The group of that exact name in the campuslab realm, or a missing node. */
    public static JsonNode group(String name) throws Exception {
        for (JsonNode group : get("/groups?exact=true&briefRepresentation=false&search=" + name)) {
            if (group.path("name").asText().equals(name)) {
                return group;
            }
        }
        return JSON.missingNode();
    }

    /** Creates a person with password "campuslab", a realm role and a school group. */
    public static void createPerson(String username, String role, String group) throws Exception {
        int created = post("/users", """
                {"username": "%s", "enabled": true, "emailVerified": true, "firstName": "%s", "lastName": "Test",
                 "email": "%s@test.campuslab.test", "groups": ["/%s"],
                 "credentials": [{"type": "password", "value": "campuslab", "temporary": false}]}
                """.formatted(username, username, username, group));
        if (created != 201) {
            // two tests sharing a user name would share the person, and one would act in the other's school
            throw new IllegalStateException("Keycloak did not create " + username + " (HTTP " + created + ")");
        }
        String userId = get("/users?exact=true&username=" + username).path(0).path("id").asText();
        JsonNode roleRepresentation = get("/roles/" + role);
        post("/users/" + userId + "/role-mappings/realm", "[" + roleRepresentation + "]");
    }

    /**
     * Creates many students of one school in one call (the realm's partial import): {@code prefix-1}
     * to {@code prefix-count}, each with password "campuslab".
     */
    public static void createStudents(String prefix, int count, String group) throws Exception {
        var users = JSON.createArrayNode();
        for (int i = 1; i <= count; i++) {
            String username = prefix + "-" + i;
            var user = users.addObject();
            user.put("username", username).put("enabled", true).put("emailVerified", true)
                    .put("firstName", username).put("lastName", "Test").put("email", username + "@test.campuslab.test");
            user.putArray("groups").add("/" + group);
            user.putArray("realmRoles").add("student");
            user.putArray("credentials").addObject().put("type", "password").put("value", "campuslab").put("temporary", false);
        }
        var body = JSON.createObjectNode().put("ifResourceExists", "FAIL");
        body.set("users", users);
        int status = post("/partialImport", body.toString());
        if (status != 200) {
            throw new IllegalStateException("Keycloak did not import " + count + " students: HTTP " + status);
        }
    }

    /**
     * A call of the admin API with the portal's own service account (the demo secret), as someone
     * holding that secret would make it: its status and body.
     */
    public static HttpResponse<String> asPortal(String method, String path, String json) throws Exception {
        HttpResponse<String> token = Tokens.fromRealm("campuslab",
                "grant_type=client_credentials&client_id=campuslab-portal&client_secret=campuslab-dev-secret");
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(base() + "/admin/realms/campuslab" + path))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).path("access_token").asText())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST to another realm of the same Keycloak (such as the one that plays a school's provider). */
    public static int postIn(String realm, String path, String json) throws Exception {
        return send(request(realm, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static JsonNode getIn(String realm, String path) throws Exception {
        return JSON.readTree(send(request(realm, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    public static int deleteIn(String realm, String path) throws Exception {
        return send(request(realm, path).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Sends an admin call; a token Keycloak no longer takes (it was restarted, say) is taken anew once. */
    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> answer) throws Exception {
        HttpResponse<T> response = HTTP.send(request, answer);
        if (response.statusCode() != 401) {
            return response;
        }
        synchronized (KeycloakAdmin.class) {
            adminTokenTaken = Instant.MIN;
        }
        return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", "Bearer " + adminToken()).build(), answer);
    }

    private static HttpRequest.Builder request(String path) throws Exception {
        return request("campuslab", path);
    }

    private static HttpRequest.Builder request(String realm, String path) throws Exception {
        return HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + realm + path))
                .header("Authorization", "Bearer " + adminToken());
    }

    private static String base() {
        return "http://localhost:" + StackExtension.settings().keycloakPort();
    }

    /**
     * The bootstrap admin's token, taken again after 45 s (master's tokens live 60 s): one sign-in for
     * many admin calls, since each sign-in hashes the password.
     */
    private static synchronized String adminToken() throws Exception {
        if (Instant.now().isAfter(adminTokenTaken.plusSeconds(45))) {
            HttpResponse<String> token = Tokens.fromRealm("master", "grant_type=password&client_id=admin-cli&username=admin&password=admin");
            if (token.statusCode() != 200) {
                throw new IllegalStateException("No admin token from Keycloak: HTTP " + token.statusCode() + " " + token.body());
            }
            adminToken = JSON.readTree(token.body()).path("access_token").asText();
            adminTokenTaken = Instant.now();
        }
        return adminToken;
    }

    /**
     * The test stack's realm hashes passwords cheaply (PBKDF2, 1,000 rounds, instead of Keycloak's
     * Argon2): the system tests sign in about a thousand times, and what they test is who may do what,
     * not the hash's cost. Every other rule of the demo realm's policy stays; the realm
     * {@code ./campuslab run} and the chart use is not touched. A person's stored hash follows at their
     * next sign-in.
     */
    public static void cheapPasswordHashes() throws Exception {
        String policy = get("").path("passwordPolicy").asText();
        int status = put("", JSON.createObjectNode().put("passwordPolicy",
                (policy.isBlank() ? "" : policy + " and ") + "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)").toString());
        if (status != 204) {
            throw new IllegalStateException("Keycloak did not take the test realm's password policy: HTTP " + status);
        }
    }
}

package io.campuslab.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The people of the load: one school ({@value #SCHOOL}) with its students, teachers and admins made
 * in Keycloak in one partial import, each signed in once (a token, and a member record on the
 * portal), and each teacher with a classroom of students. Made again on every run: people and the
 * school that exist are kept.
 */
final class Crowd {

    static final String SCHOOL = "load-academy";
    static final String PASSWORD = "campuslab";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A person of the crowd: their user name, role and bearer token, and a classroom for a teacher. */
    record Person(String username, String role, String token, long classroom) {
    }

    private final String portal;
    private final String keycloak;

    Crowd(String portal, String keycloak) {
        this.portal = portal;
        this.keycloak = keycloak;
    }

    /** Makes the school and its people, signs everyone in, gives each teacher a classroom. */
    List<Person> gather(int students, int teachers, int admins) throws Exception {
        String operator = token("operator");
        HttpResponse<String> school = call("POST", "/api/v1/schools", operator,
                "{\"slug\": \"" + SCHOOL + "\", \"name\": \"Load Academy\"}");
        if (school.statusCode() != 201 && school.statusCode() != 409) {
            throw new IllegalStateException("The school was not made: " + school.statusCode() + " " + school.body());
        }
        importPeople("load-student", students, "student");
        importPeople("load-teacher", teachers, "teacher");
        importPeople("load-admin", admins, "tenant-admin");

        List<String[]> wanted = new ArrayList<>();
        for (int i = 1; i <= students; i++) {
            wanted.add(new String[] {"load-student-" + i, "student"});
        }
        for (int i = 1; i <= teachers; i++) {
            wanted.add(new String[] {"load-teacher-" + i, "teacher"});
        }
        for (int i = 1; i <= admins; i++) {
            wanted.add(new String[] {"load-admin-" + i, "tenant-admin"});
        }
        Map<String, String> tokens = signIn(wanted);
        List<Person> people = new ArrayList<>();
        int perClass = Math.max(1, students / Math.max(1, teachers));
        for (String[] person : wanted) {
            long classroom = 0;
            if (person[1].equals("teacher")) {
                int teacher = Integer.parseInt(person[0].substring("load-teacher-".length()));
                classroom = classroom(tokens.get(person[0]), teacher, perClass, students);
            }
            people.add(new Person(person[0], person[1], tokens.get(person[0]), classroom));
        }
        return people;
    }

    /** The same people with new tokens (they last five minutes): taken just before the load starts. */
    List<Person> withFreshTokens(List<Person> people) throws Exception {
        List<String[]> again = people.stream().map(p -> new String[] {p.username(), p.role()}).toList();
        Map<String, String> tokens = signIn(again);
        return people.stream().map(p -> new Person(p.username(), p.role(), tokens.get(p.username()), p.classroom())).toList();
    }

    /** The teacher's classroom of {@code perClass} students, made once. */
    private long classroom(String teacher, int number, int perClass, int students) throws Exception {
        String name = "Load class " + number;
        for (JsonNode existing : JSON.readTree(call("GET", "/api/v1/classrooms", teacher, null).body())) {
            if (existing.path("name").asText().equals(name)) {
                return existing.path("id").asLong();
            }
        }
        HttpResponse<String> made = call("POST", "/api/v1/classrooms", teacher, "{\"name\": \"" + name + "\"}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("No classroom for teacher " + number + ": " + made.body());
        }
        long id = JSON.readTree(made.body()).path("id").asLong();
        ArrayNode roster = JSON.createArrayNode();
        for (int i = 0; i < perClass; i++) {
            roster.add("load-student-" + (((number - 1) * perClass + i) % students + 1));
        }
        HttpResponse<String> set = call("PUT", "/api/v1/classrooms/" + id + "/roster", teacher, roster.toString());
        if (set.statusCode() != 200) {
            throw new IllegalStateException("No roster for teacher " + number + ": " + set.body());
        }
        return id;
    }

    private void importPeople(String prefix, int count, String role) throws Exception {
        ArrayNode users = JSON.createArrayNode();
        for (int i = 1; i <= count; i++) {
            ObjectNode user = users.addObject();
            String username = prefix + "-" + i;
            user.put("username", username).put("enabled", true).put("emailVerified", true)
                    .put("firstName", username).put("lastName", "Load").put("email", username + "@load.campuslab.test");
            user.putArray("groups").add("/" + SCHOOL);
            user.putArray("realmRoles").add(role);
            user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        }
        ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        body.set("users", users);
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/campuslab/partialImport"))
                .header("Authorization", "Bearer " + keycloakAdminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("Keycloak did not import " + prefix + ": " + imported.statusCode() + " " + imported.body());
        }
    }

    /** Every person's token, and their first call, in 8 threads. */
    private Map<String, String> signIn(List<String[]> people) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        List<Callable<String>> signIns = people.stream().<Callable<String>>map(person -> () -> {
            String token = token(person[0]);
            HttpResponse<String> me = call("GET", "/api/v1/me", token, null);
            if (me.statusCode() != 200) {
                throw new IllegalStateException(person[0] + " could not sign in: " + me.statusCode() + " " + me.body());
            }
            tokens.put(person[0], token);
            return person[0];
        }).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> signedIn : pool.invokeAll(signIns)) {
                signedIn.get();
            }
        } finally {
            pool.shutdown();
        }
        return tokens;
    }

    String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=campuslab-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/campuslab/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private String keycloakAdminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    HttpResponse<String> call(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.campuslab.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak in development mode from the official distribution, with the {@code campuslab} realm
 * imported from keycloak-realm/ on its first start. Its own data (an H2 file) lives under the
 * stack's home, so users and sessions survive restarts.
 */
final class KeycloakServer {

    static final String NAME = "Keycloak";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    /**
     * CampusLab's realm, and the realm that plays West Side School's own OpenID provider. The first
     * names this Keycloak's address as {@code ${CAMPUSLAB_KEYCLOAK_URL}}, resolved by Keycloak at import.
     */
    static final List<String> REALMS = List.of("campuslab-realm.json", "west-side-idp-realm.json");
    /**
     * The account that reads schools' directories: a client of the master realm that may create realms
     * (and manage those it created) and nothing else. Its secret, for the demo only.
     */
    static final String DIRECTORIES_CLIENT = "campuslab-directories";
    static final String DIRECTORIES_SECRET = "campuslab-dev-directories";
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN =
            Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakServer() {
    }

    /** Starts Keycloak; the caller registers its stop, then waits with {@link #awaitReady}. */
    static ChildProcess start(Artifacts artifacts, StackSettings settings) throws StackException {
        Path home = unpack(artifacts, settings.home());
        boolean changed = false;
        for (String realm : REALMS) {
            changed |= copyRealm(realm, home.resolve("data/import").resolve(realm));
        }
        if (changed) {
            forgetImportedRealm(home);
        }
        ChildProcess keycloak = ChildProcess.start(NAME, List.of(
                        home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + settings.keycloakManagementPort(),
                        "--health-enabled=true",
                        "--import-realm"),
                Map.of("CAMPUSLAB_KEYCLOAK_URL", "http://localhost:" + settings.keycloakPort(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m"),
                settings.logs().resolve("keycloak.log"), settings.pids().resolve("keycloak.pid"));
        return keycloak;
    }

    static void awaitReady(ChildProcess keycloak, StackSettings settings) throws StackException {
        keycloak.awaitReady(() -> HttpProbe.answers(
                "http://localhost:" + settings.keycloakManagementPort() + "/health/ready", 200), Duration.ofMinutes(5));
    }

    /**
     * Gives the master realm the account that reads schools' directories, as an operator would (see
     * docs/operators/configuration.md): the client, its secret, and the role {@code create-realm}.
     * Run after every start; what exists already is set again.
     */
    static void ensureDirectoriesAccount(StackSettings settings) throws StackException {
        String keycloak = "http://localhost:" + settings.keycloakPort();
        HttpClient http = HttpClient.newHttpClient();
        try {
            String token = first(ACCESS_TOKEN, call(http, HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                            + ADMIN_USER + "&password=" + ADMIN_PASSWORD)), 200), "an admin token");
            String admin = keycloak + "/admin/realms/master";
            String client = "{\"clientId\": \"" + DIRECTORIES_CLIENT + "\", "
                    + "\"name\": \"CampusLab: schools' directories\", \"enabled\": true, \"publicClient\": false, "
                    + "\"serviceAccountsEnabled\": true, \"standardFlowEnabled\": false, \"directAccessGrantsEnabled\": false, "
                    + "\"secret\": \"" + DIRECTORIES_SECRET + "\"}";
            Matcher known = FIRST_ID.matcher(call(http, get(token, admin + "/clients?clientId=" + DIRECTORIES_CLIENT), 200));
            String id;
            if (known.find()) {
                id = known.group(1);
                call(http, json(token, admin + "/clients/" + id, "PUT", client), 204);
            } else {
                call(http, json(token, admin + "/clients", "POST", client), 201);
                id = first(FIRST_ID, call(http, get(token, admin + "/clients?clientId=" + DIRECTORIES_CLIENT), 200),
                        "the directories' client");
            }
            String user = first(FIRST_ID, call(http, get(token, admin + "/clients/" + id + "/service-account-user"), 200),
                    "the directories' service account");
            String role = call(http, get(token, admin + "/roles/create-realm"), 200);
            call(http, json(token, admin + "/users/" + user + "/role-mappings/realm", "POST", "[" + role + "]"), 204);
        } catch (IOException e) {
            throw new StackException("Cannot give Keycloak the directories' account: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while giving Keycloak the directories' account", e);
        }
    }

    private static HttpRequest.Builder get(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET();
    }

    private static HttpRequest json(String token, String url, String method, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String call(HttpClient http, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException, StackException {
        return call(http, request.build(), expected);
    }

    private static String call(HttpClient http, HttpRequest request, int expected)
            throws IOException, InterruptedException, StackException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new StackException("Keycloak answered " + request.method() + " " + request.uri().getPath() + " with HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String first(Pattern pattern, String json, String what) throws StackException {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new StackException("Keycloak's answer holds no " + what);
        }
        return matcher.group(1);
    }

    /** Unpacks the distribution once per version; a half-unpacked copy is never used. */
    private static Path unpack(Artifacts artifacts, Path stackHome) throws StackException {
        Path home = stackHome.resolve("keycloak-" + artifacts.keycloakVersion());
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try {
            Path work = Files.createTempDirectory(stackHome, "keycloak-unpack");
            Process tar = new ProcessBuilder("tar", "-xzf", artifacts.keycloakDist().toString(), "-C", work.toString())
                    .redirectErrorStream(true).start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new StackException("Cannot unpack " + artifacts.keycloakDist() + ": "
                        + new String(tar.getInputStream().readAllBytes()));
            }
            try (var entries = Files.list(work)) {
                Path unpacked = entries.findFirst().orElseThrow(() -> new StackException("Empty Keycloak archive"));
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(work);
            return home;
        } catch (IOException e) {
            throw new StackException("Cannot unpack Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while unpacking Keycloak", e);
        }
    }

    /** Puts a curated realm where Keycloak imports it from; true if it differs from the last one. */
    private static boolean copyRealm(String name, Path target) throws StackException {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new StackException("The realm import is missing from the classpath (keycloak-realm module)");
            }
            byte[] realm = in.readAllBytes();
            boolean changed = !Files.exists(target) || !java.util.Arrays.equals(realm, Files.readAllBytes(target));
            Files.createDirectories(target.getParent());
            Files.write(target, realm);
            return changed;
        } catch (IOException e) {
            throw new StackException("Cannot copy the realm import: " + e.getMessage(), e);
        }
    }

    /**
     * Keycloak imports a realm only if it does not exist yet. When the curated realm changed, the
     * development database (users, sessions) is dropped so that the new realm is imported.
     */
    private static void forgetImportedRealm(Path home) throws StackException {
        Path database = home.resolve("data/h2");
        if (!Files.exists(database)) {
            return;
        }
        System.out.println("      the realm in keycloak-realm/ changed: Keycloak's demo data is created anew");
        try (var files = Files.walk(database)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // never started: nothing to forget
        } catch (IOException e) {
            throw new StackException("Cannot reset Keycloak's data in " + database + ": " + e.getMessage(), e);
        }
    }
}

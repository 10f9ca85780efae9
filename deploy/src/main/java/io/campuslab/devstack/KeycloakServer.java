package io.campuslab.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

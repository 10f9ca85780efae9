package io.campuslab.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack keeps its data and which ports it uses, and which parts are replaced by real
 * ones through the environment:
 * <ul>
 *   <li>{@code CAMPUSLAB_HOME}: data, logs and process ids (default {@code .campuslab});</li>
 *   <li>{@code CAMPUSLAB_DB_URL} (with {@code CAMPUSLAB_DB_USER}, {@code CAMPUSLAB_DB_PASSWORD}): an
 *       external MySQL 8 or MariaDB instead of the embedded MariaDB;</li>
 *   <li>{@code CAMPUSLAB_OIDC_PROVIDER_URL} (with {@code CAMPUSLAB_OIDC_CLIENT_SECRET}): an external
 *       OIDC provider realm instead of the local Keycloak;</li>
 *   <li>{@code CAMPUSLAB_KUBECONFIG}: a real cluster instead of the dev-cluster.</li>
 * </ul>
 */
public record StackSettings(Path home, int portOffset, Optional<String> externalDatabase,
                            Optional<String> externalOidcProvider, Optional<Path> externalKubeconfig) {

    public static final int DB_PORT = 3306;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
    public static final int DEV_CLUSTER_PORT = 6443;
    public static final int WILDFLY_HTTP_PORT = 8080;
    public static final int WILDFLY_MANAGEMENT_PORT = 9990;
    /** One address for every portal node when several run (sticky by cookie, as the chart's Ingress). */
    public static final int FRONT_DOOR_PORT = 8088;

    /** The settings of {@code ./campuslab run}, from the environment. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        return new StackSettings(
                Path.of(env.getOrDefault("CAMPUSLAB_HOME", ".campuslab")).toAbsolutePath(),
                0,
                nonBlank(env.get("CAMPUSLAB_DB_URL")),
                nonBlank(env.get("CAMPUSLAB_OIDC_PROVIDER_URL")),
                nonBlank(env.get("CAMPUSLAB_KUBECONFIG")).map(Path::of));
    }

    /** A stack of its own for tests: everything embedded, every port moved by the offset. */
    public static StackSettings forTests(Path home, int portOffset) {
        return new StackSettings(home.toAbsolutePath(), portOffset, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public int dbPort() {
        return DB_PORT + portOffset;
    }

    public int keycloakPort() {
        return KEYCLOAK_PORT + portOffset;
    }

    public int keycloakManagementPort() {
        return KEYCLOAK_MANAGEMENT_PORT + portOffset;
    }

    public int devClusterPort() {
        return DEV_CLUSTER_PORT + portOffset;
    }

    public int portalPort() {
        return WILDFLY_HTTP_PORT + portOffset;
    }

    public int frontDoorPort() {
        return FRONT_DOOR_PORT + portOffset;
    }

    /** The address in front of every portal node, when several run. */
    public String frontDoorUrl() {
        return "http://localhost:" + frontDoorPort() + "/";
    }

    public int wildflyManagementPort() {
        return WILDFLY_MANAGEMENT_PORT + portOffset;
    }

    public String databaseUrl() {
        return externalDatabase.orElse("jdbc:mysql://localhost:" + dbPort()
                + "/campuslab");
    }

    public String oidcProviderUrl() {
        return externalOidcProvider.orElse("http://localhost:" + keycloakPort() + "/realms/campuslab");
    }

    /** Portal node {@code number} (1 is the one {@link #portalPort()} and {@link #portalUrl()} name). */
    public PortalNode node(int number) {
        return PortalNode.of(this, number);
    }

    public String portalUrl() {
        return "http://localhost:" + portalPort() + "/";
    }

    public Path kubeconfig() {
        return externalKubeconfig.orElse(home.resolve("kubeconfig"));
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pids() {
        return home.resolve("run");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

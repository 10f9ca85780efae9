package io.campuslab.devstack;

import java.nio.file.Path;

/**
 * One WildFly of the portal on this machine. Node 1 uses the stack's ports and {@code wildfly/};
 * node n uses ports moved by another (n − 1) × {@value #PORT_STEP} and {@code wildfly-n/}, on the
 * same database, Keycloak and cluster: {@code ./campuslab run --nodes 2}.
 */
public record PortalNode(int number, Path base, int portOffset) {

    public static final int PORT_STEP = 1000;
    /** The most nodes one machine runs. */
    public static final int MOST = 4;

    static PortalNode of(StackSettings settings, int number) {
        if (number < 1 || number > MOST) {
            throw new IllegalArgumentException("A portal node is numbered 1 to " + MOST + ", not " + number);
        }
        return new PortalNode(number, settings.home().resolve(fileName(number)), settings.portOffset() + (number - 1) * PORT_STEP);
    }

    /** The server's node name ({@code jboss.node.name}): the scheduler lease names its holder by it. */
    public String name() {
        return "node-" + number;
    }

    /** What the launcher and {@code ./campuslab status} call it, and its log and process id files. */
    String processName() {
        return number == 1 ? "WildFly" : "WildFly " + name();
    }

    /** Its folder, and the name of its log and process id files. */
    String fileName() {
        return fileName(number);
    }

    private static String fileName(int number) {
        return number == 1 ? "wildfly" : "wildfly-" + number;
    }

    public int httpPort() {
        return StackSettings.WILDFLY_HTTP_PORT + portOffset;
    }

    public int managementPort() {
        return StackSettings.WILDFLY_MANAGEMENT_PORT + portOffset;
    }

    public String url() {
        return "http://localhost:" + httpPort() + "/";
    }
}

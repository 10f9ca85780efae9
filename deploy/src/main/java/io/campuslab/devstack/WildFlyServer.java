package io.campuslab.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * WildFly as deploy/ provisioned it, running from a base directory of the stack's own (so the
 * built server stays untouched), with the EAR in its deployments folder.
 */
final class WildFlyServer {

    private WildFlyServer() {
    }

    /** Starts a node's WildFly; the caller registers its stop, then waits with {@link #awaitDeployed}. */
    static ChildProcess start(Artifacts artifacts, StackSettings settings, PortalNode node) throws StackException {
        Path base = node.base();
        prepareBase(artifacts, base);
        Map<String, String> environment = new HashMap<>();
        serverSettings(settings).forEach((key, value) -> environment.put(environmentName(key), value));
        environment.put("JAVA_OPTS", "-Xms128m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m"
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman");
        return ChildProcess.start(node.processName(), List.of(
                        artifacts.wildfly().resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.socket.binding.port-offset=" + node.portOffset(),
                        "-Djboss.node.name=" + node.name(),
                        "-Djboss.tx.node.id=" + node.name()),
                environment, settings.logs().resolve(node.fileName() + ".log"), settings.pids().resolve(node.fileName() + ".pid"));
    }

    static void awaitDeployed(ChildProcess wildfly, PortalNode node) throws StackException {
        Path deployments = node.base().resolve("deployments");
        wildfly.awaitReady(() -> deployed(deployments), Duration.ofMinutes(5));
    }

    /**
     * What the server's configuration expressions (deploy/wildfly/configure.cli) and the
     * application's settings read, by property name. {@code ./campuslab run} passes them as
     * environment variables, the system tests as system properties: both are read the same way.
     */
    public static Map<String, String> serverSettings(StackSettings settings) {
        Map<String, String> properties = new java.util.TreeMap<>();
        properties.put("campuslab.db.url", settings.databaseUrl());
        properties.put("campuslab.oidc.provider-url", settings.oidcProviderUrl());
        if (settings.externalOidcProvider().isEmpty()) {
            properties.put("campuslab.directories.client-secret", KeycloakServer.DIRECTORIES_SECRET);
        }
        properties.put("campuslab.kubernetes.kubeconfig", settings.kubeconfig().toString());
        properties.put("campuslab.demo-data", "true");
        properties.put("campuslab.storage.root", settings.home().resolve("storage").toAbsolutePath().normalize().toString());
        return properties;
    }

    /** MicroProfile Config's and WildFly's mapping: {@code campuslab.db.url} is {@code CAMPUSLAB_DB_URL}. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean deployed(Path deployments) {
        if (Files.exists(deployments.resolve("campuslab.ear.failed"))) {
            throw new IllegalStateException("campuslab.ear failed to deploy: " + read(deployments.resolve("campuslab.ear.failed")));
        }
        return Files.exists(deployments.resolve("campuslab.ear.deployed"));
    }

    /**
     * A fresh configuration from the build on every start; data and logs of earlier runs stay. The
     * deployments folder holds the EAR, or nothing when Arquillian deploys.
     */
    static void prepareBase(Artifacts artifacts, Path base) throws StackException {
        try {
            Path configuration = base.resolve("configuration");
            Files.createDirectories(configuration);
            Path source = artifacts.wildfly().resolve("standalone/configuration");
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path deployments = base.resolve("deployments");
            Files.createDirectories(deployments);
            try (Stream<Path> old = Files.list(deployments)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(artifacts.ear(), deployments.resolve("campuslab.ear"));
        } catch (IOException e) {
            throw new StackException("Cannot prepare the WildFly base directory " + base + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}

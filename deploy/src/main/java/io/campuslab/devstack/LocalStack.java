package io.campuslab.devstack;

import io.campuslab.devcluster.DevCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Starts the parts of CampusLab in order, waiting for each to be healthy, and stops them in reverse
 * order. {@code ./campuslab run} starts all four; the system tests start all but WildFly, which
 * Arquillian manages.
 */
public final class LocalStack implements AutoCloseable {

    private final StackSettings settings;
    private final PrintStream out;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private boolean freshData;
    private DevCluster devCluster;
    private boolean embeddedDatabase;
    private final Supervisor supervisor;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.supervisor = new Supervisor(settings.pids().resolve("status"), out, java.time.Clock.systemUTC());
    }

    /**
     * From now on a server process of the stack that ends by itself (a crash, {@code kill -9}) is
     * started again, a few times at most; {@code run/status} says what happened.
     */
    public LocalStack supervise() {
        supervisor.start();
        return this;
    }

    /**
     * Starts from empty data: the database, Keycloak's users and sessions, the cluster and the stored
     * files of an earlier run are deleted first. For the tests, which must not depend on what a
     * previous run left.
     */
    public LocalStack withFreshData() {
        this.freshData = true;
        return this;
    }

    /** Database, Keycloak and the cluster: everything the portal needs around it. */
    public LocalStack startServices() throws StackException {
        Artifacts.fromBuild();
        try {
            Files.createDirectories(settings.home());
        } catch (IOException e) {
            throw new StackException("Cannot create " + settings.home() + ": " + e.getMessage(), e);
        }
        if (freshData) {
            deleteData();
        }
        startDatabase();
        startKeycloak();
        startCluster();
        return this;
    }

    /** WildFly with the EAR, after {@link #startServices()}. */
    public LocalStack startPortal() throws StackException {
        return startPortal(1);
    }

    /**
     * {@code nodes} WildFly servers with the EAR on one database, Keycloak and cluster, after
     * {@link #startServices()}: all start at once, then each is waited for. One of them runs the lab
     * scheduler at a time, by lease; each is supervised on its own.
     */
    public LocalStack startPortal(int nodes) throws StackException {
        Artifacts artifacts = Artifacts.fromBuild();
        artifacts.requirePresent();
        long started = System.nanoTime();
        progress(4, nodes == 1 ? "WildFly with CampusLab on port " + settings.portalPort()
                : nodes + " WildFly nodes with CampusLab on ports " + ports(nodes));
        List<ChildProcess> servers = new ArrayList<>();
        for (int number = 1; number <= nodes; number++) {
            servers.add(startNode(artifacts, settings.node(number)));
        }
        for (int number = 1; number <= nodes; number++) {
            WildFlyServer.awaitDeployed(servers.get(number - 1), settings.node(number));
        }
        if (nodes > 1) {
            List<PortalNode> all = new ArrayList<>();
            for (int number = 1; number <= nodes; number++) {
                all.add(settings.node(number));
            }
            FrontDoor door = FrontDoor.open(settings.frontDoorPort(), all);
            stopActions.push(door::close);
        }
        done(started, "log " + String.join(", ", servers.stream().map(server -> server.log().toString()).toList()));
        return this;
    }

    private ChildProcess startNode(Artifacts artifacts, PortalNode node) throws StackException {
        ChildProcess wildfly = WildFlyServer.start(artifacts, settings, node);
        stopActions.push(() -> supervisor.current(wildfly.name()).stop(Duration.ofSeconds(30)));
        supervisor.watch(wildfly, () -> {
            ChildProcess again = WildFlyServer.start(artifacts, settings, node);
            awaitOrStop(again, () -> WildFlyServer.awaitDeployed(again, node));
            return again;
        });
        return wildfly;
    }

    /** A wait on a process started again; when it fails, the process is stopped so no second one runs beside the next try. */
    private static void awaitOrStop(ChildProcess started, Wait wait) throws StackException {
        try {
            wait.run();
        } catch (StackException | RuntimeException e) {
            started.stop(Duration.ofSeconds(20));
            throw e;
        }
    }

    @FunctionalInterface
    private interface Wait {
        void run() throws StackException;
    }

    private String ports(int nodes) {
        List<String> ports = new ArrayList<>();
        for (int number = 1; number <= nodes; number++) {
            ports.add(Integer.toString(settings.node(number).httpPort()));
        }
        return String.join(", ", ports);
    }

    /**
     * Kills portal node {@code number} as {@code kill -9} would, the server's Java process and the
     * script that started it, without warning: for the tests of what a crash loses. The supervisor,
     * if it runs, starts the node again.
     */
    public void killPortalNode(int number) {
        kill(settings.node(number).processName());
    }

    /**
     * Kills the embedded database's server as {@code kill -9} would: for the tests of a crash. The
     * supervisor, if it runs, starts it again on its data.
     */
    public void killDatabase() {
        if (!embeddedDatabase) {
            throw new IllegalStateException("This stack uses an external database");
        }
        supervisor.current(EmbeddedDatabase.NAME).handle().destroyForcibly();
    }

    /** Kills Keycloak (its start script and the server's Java process) as {@code kill -9} would. */
    public void killKeycloak() {
        kill(KeycloakServer.NAME);
    }

    /** Kills a watched process of the stack and everything it started, as {@code kill -9} would. */
    private void kill(String name) {
        processesOf(name).forEach(ProcessHandle::destroyForcibly);
    }

    /** Whether the embedded database and Keycloak run (restarted ones count once they are ready). */
    public boolean servicesRunning() {
        return (!embeddedDatabase || supervisor.current(EmbeddedDatabase.NAME).isAlive())
                && (settings.externalOidcProvider().isPresent() || supervisor.current(KeycloakServer.NAME).isAlive());
    }

    /** The processes of portal node {@code number} now: its start script and what it started (the server's Java). */
    public List<ProcessHandle> portalNodeProcesses(int number) {
        return processesOf(settings.node(number).processName());
    }

    /** A watched process (a start script) and what it started, the children first. */
    private List<ProcessHandle> processesOf(String name) {
        ProcessHandle script = supervisor.current(name).handle();
        List<ProcessHandle> processes = new ArrayList<>(script.descendants().toList());
        processes.add(script);
        return processes;
    }

    /**
     * Stops the embedded database for {@code down}, then starts it again on its data: for the tests of
     * what an outage of the database loses.
     */
    public void interruptDatabase(Duration down) throws StackException {
        if (!embeddedDatabase) {
            throw new IllegalStateException("This stack uses an external database");
        }
        supervisor.hold(EmbeddedDatabase.NAME, "stopped for " + down.toSeconds() + " s on purpose");
        supervisor.current(EmbeddedDatabase.NAME).stop(Duration.ofSeconds(30));
        ChildProcess.sleep(down.toMillis());
        supervisor.release(EmbeddedDatabase.NAME, openDatabase(true));
    }

    /** Whether portal node {@code number} runs and says it is ready (a restarted node counts once it has started). */
    public boolean portalNodeReady(int number) {
        PortalNode node = settings.node(number);
        return supervisor.current(node.processName()).isAlive()
                && HttpProbe.answers("http://localhost:" + node.managementPort() + "/health/ready", 200);
    }

    /** The WildFly the build provisioned (its {@code bin/} has the command-line client). */
    public Path wildflyHome() {
        return Artifacts.fromBuild().wildfly();
    }

    /** The EAR the build produced. */
    public static Path ear() {
        return Artifacts.fromBuild().ear();
    }

    /** The dev-cluster this stack started; empty when it uses a cluster of its own (KUBECONFIG). */
    public java.util.Optional<DevCluster> devCluster() {
        return java.util.Optional.ofNullable(devCluster);
    }

    public StackSettings settings() {
        return settings;
    }

    private void startDatabase() throws StackException {
        if (settings.externalDatabase().isPresent()) {
            progress(1, "Database: using " + settings.databaseUrl());
            return;
        }
        long started = System.nanoTime();
        progress(1, "Embedded MariaDB on port " + settings.dbPort());
        EmbeddedDatabase database = openDatabase(!freshData);
        embeddedDatabase = true;
        stopActions.push(() -> supervisor.current(EmbeddedDatabase.NAME).stop(Duration.ofSeconds(30)));
        supervisor.watch(database, () -> ((EmbeddedDatabase) supervisor.current(EmbeddedDatabase.NAME)).startAgain());
        done(started, "data " + settings.home().resolve("mariadb/data"));
    }

    /** The embedded database on its port and data, kept or emptied. */
    private EmbeddedDatabase openDatabase(boolean keep) throws StackException {
        return EmbeddedDatabase.start(settings.home(), settings.dbPort(), settings.pids().resolve("mariadb.pid"), keep);
    }

    private void startKeycloak() throws StackException {
        if (settings.externalOidcProvider().isPresent()) {
            progress(2, "Single sign-on: using " + settings.oidcProviderUrl());
            return;
        }
        Artifacts artifacts = Artifacts.fromBuild();
        artifacts.requirePresent();
        long started = System.nanoTime();
        progress(2, "Keycloak on port " + settings.keycloakPort() + " (the first start builds it, about a minute)");
        ChildProcess keycloak = KeycloakServer.start(artifacts, settings);
        stopActions.push(() -> supervisor.current(keycloak.name()).stop(Duration.ofSeconds(20)));
        supervisor.watch(keycloak, () -> {
            ChildProcess again = KeycloakServer.start(artifacts, settings);
            awaitOrStop(again, () -> KeycloakServer.awaitReady(again, settings));
            return again;
        });
        KeycloakServer.awaitReady(keycloak, settings);
        KeycloakServer.ensureDirectoriesAccount(settings);
        done(started, "log " + keycloak.log());
    }

    private void startCluster() throws StackException {
        if (settings.externalKubeconfig().isPresent()) {
            progress(3, "Kubernetes: using " + settings.kubeconfig());
            return;
        }
        long started = System.nanoTime();
        java.util.Optional<Path> controlPlane = DevCluster.controlPlaneBinaries();
        progress(3, "dev-cluster (" + (controlPlane.isPresent() ? "Kubernetes API server, simulated nodes"
                : "simulated Kubernetes API") + ") on port " + settings.devClusterPort());
        try {
            // the cluster keeps its state in the stack's home, as the database does; a test stack's home
            // is thrown away with it, so its etcd need not wait for the disk
            DevCluster cluster = controlPlane.isPresent()
                    ? DevCluster.startReal(controlPlane.get(), settings.devClusterPort(), settings.kubeconfig(),
                            java.time.Duration.ofSeconds(2), settings.home().resolve("cluster"), settings.portOffset() == 0)
                    : DevCluster.startSimulated(settings.devClusterPort(), settings.kubeconfig(), java.time.Duration.ofSeconds(2));
            stopActions.push(cluster::close);
            devCluster = cluster;
            done(started, "kubeconfig " + settings.kubeconfig());
        } catch (IOException | RuntimeException e) {
            throw new StackException("The dev-cluster did not start on port " + settings.devClusterPort() + ": " + e.getMessage(), e);
        }
    }

    private void deleteData() throws StackException {
        try (var entries = Files.list(settings.home())) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("mariadb")) {
                    deleteTree(entry.resolve("data"));
                } else if (name.startsWith("keycloak-")) {
                    deleteTree(entry.resolve("data/h2"));
                } else if (name.equals("cluster") || name.equals("storage")) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot delete the data of an earlier run in " + settings.home() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var all = Files.walk(root)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void progress(int step, String what) {
        out.printf("[%d/4] %s ...%n", step, what);
        out.flush();
    }

    private void done(long startedNanos, String detail) {
        out.printf(Locale.ROOT, "      ready in %.1f s (%s)%n", (System.nanoTime() - startedNanos) / 1e9, detail);
        out.flush();
    }

    /** Stops what was started, newest first. */
    @Override
    public synchronized void close() {
        supervisor.stopping();
        while (!stopActions.isEmpty()) {
            try {
                stopActions.pop().run();
            } catch (RuntimeException e) {
                out.println("A part of the stack did not stop cleanly: " + e.getMessage());
            }
        }
    }
}

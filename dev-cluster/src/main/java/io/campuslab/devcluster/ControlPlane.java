package io.campuslab.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver, kube-controller-manager and
 * kube-scheduler, built from their Go modules by {@code dev-cluster/control-plane/build.sh} into a
 * cache folder, each started as a child process. The API server runs with the authorization and
 * admission a production cluster runs (Node and RBAC; NamespaceLifecycle, LimitRanger,
 * ServiceAccount, PodSecurity, ResourceQuota, NodeRestriction and the rest of the defaults); its
 * users are the static tokens written here: one administrator for the simulator's own parts and
 * the control plane's components. Clients such as the portal get a ServiceAccount token instead.
 *
 * <p>Its state lives in a folder: started again on the same folder, the cluster has everything it
 * had (etcd's data, the same keys and tokens).
 *
 * <p>A component that ends without being asked to (a crash, {@code kill -9}) is started again with
 * the same command, as a node's kubelet restarts its static pods, at most {@value #MOST_RESTARTS}
 * times in {@link #RESTART_WINDOW}; its clients reconnect by themselves. What happened is logged and
 * {@link #restarts()} tells.
 */
public final class ControlPlane implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlPlane.class.getName());
    /** The Kubernetes release the build script builds; {@code ControlPlaneBuildTest} holds it to the Go module. */
    public static final String RELEASE = "v1.37.2";
    private static final String[] BINARIES = {"etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"};
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    static final int MOST_RESTARTS = 5;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    private final Path home;
    private final Path binaries;
    private final String adminToken;
    private final int apiPort;
    private final boolean durable;
    private final List<Component> components = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAndForget, "control-plane-shutdown");
    private volatile boolean stopping;
    private final java.util.concurrent.ScheduledExecutorService watchdog = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "control-plane-watchdog");
                thread.setDaemon(true);
                return thread;
            });

    /** One process of the control plane, its command kept to start it again. */
    private static final class Component {
        final String name;
        final List<String> command;
        Process process;
        final java.util.Deque<Instant> restarts = new java.util.ArrayDeque<>();
        boolean givenUp;

        Component(String name, List<String> command) {
            this.name = name;
            this.command = command;
        }
    }

    private ControlPlane(Path home, Path binaries, String adminToken, int apiPort, boolean durable) {
        this.home = home;
        this.binaries = binaries;
        this.adminToken = adminToken;
        this.apiPort = apiPort;
        this.durable = durable;
    }

    /**
     * Where the built binaries are, if they were built: the folder named by the system property
     * {@code campuslab.controlPlane} or the variable {@code CAMPUSLAB_CONTROL_PLANE}, else the build
     * script's cache folder for {@link #RELEASE}.
     */
    public static Optional<Path> binaries() {
        String named = System.getProperty("campuslab.controlPlane", System.getenv("CAMPUSLAB_CONTROL_PLANE"));
        Path folder;
        if (named != null && !named.isBlank()) {
            folder = Path.of(named);
        } else {
            String cache = System.getenv("CAMPUSLAB_CACHE");
            Path root = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "campuslab") : Path.of(cache);
            folder = root.resolve("control-plane").resolve(RELEASE).resolve("bin");
        }
        for (String binary : BINARIES) {
            if (!Files.isExecutable(folder.resolve(binary))) {
                return Optional.empty();
            }
        }
        return Optional.of(folder);
    }

    /**
     * Whether this machine has a Go toolchain, and so the build made the control plane: tests that
     * need it fail when it is missing here, and are skipped only where it could not be built.
     */
    public static boolean buildable() {
        try {
            return new ProcessBuilder("go", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts the control plane with its state in {@code home} (made if missing, reused if not) and
     * waits until the API server is ready and the controllers run.
     *
     * @param durable false for a throwaway cluster of a test run: etcd then skips fsync, and the
     *                folder is deleted when the control plane stops
     */
    public static ControlPlane start(Path binaries, Path home, boolean durable) throws IOException {
        Files.createDirectories(home.resolve("pki"));
        stopLeftovers(home);
        String adminToken = secret(home.resolve("pki/admin.token"));
        writeTokens(home, adminToken);
        writeServiceAccountKeys(home);
        int etcdPort = freePort();
        int peerPort = freePort();
        int apiPort = freePort();
        ControlPlane plane = new ControlPlane(home, binaries, adminToken, apiPort, durable);
        Runtime.getRuntime().addShutdownHook(plane.shutdownHook);
        try {
            plane.startEtcd(etcdPort, peerPort, durable);
            plane.startApiServer(etcdPort);
            plane.awaitApiServer();
            plane.writeComponentKubeconfig();
            plane.startControllerManager();
            plane.startScheduler();
            plane.watchdog.scheduleWithFixedDelay(plane::restartEnded, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            LOG.info(() -> "Kubernetes " + RELEASE + " control plane ready at " + plane.url() + " (state in " + home + ")");
            return plane;
        } catch (IOException | RuntimeException e) {
            plane.close();
            throw e;
        }
    }

    /** The API server's address, for example {@code https://127.0.0.1:40123}. */
    public String url() {
        return "https://127.0.0.1:" + apiPort;
    }

    public int port() {
        return apiPort;
    }

    /** The token of the administrator (group system:masters): for the simulator and for tests that arrange state. */
    public String adminToken() {
        return adminToken;
    }

    /** The CA of the API server's serving certificate (self-signed by the API server at its first start). */
    public Path certificateAuthority() {
        return home.resolve("pki/apiserver.crt");
    }

    /**
     * How often each component was started again after it ended unasked, by name ({@code etcd},
     * {@code kube-apiserver}, ...), counting within the restart window.
     */
    public synchronized java.util.Map<String, Integer> restarts() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        components.forEach(component -> counts.put(component.name, component.restarts.size()));
        return counts;
    }

    /** The process id of a component now ({@code etcd}, {@code kube-apiserver}, ...), for the tests that kill it. */
    public synchronized long pid(String name) {
        return components.stream().filter(component -> component.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No control plane component " + name)).process.pid();
    }

    /** Stops watching the components and leaves them running, as a launcher killed with its JVM would: for tests. */
    void abandon() {
        stopping = true;
        watchdog.shutdownNow();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    /** Where each component writes its log. */
    public Path logs() {
        return home.resolve("logs");
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook itself
        }
        stopAndForget();
    }

    /** Stops the processes and, for a throwaway cluster, deletes its state: on close, and when the JVM ends first. */
    private void stopAndForget() {
        stopProcesses();
        if (!durable) {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "Could not delete " + folder + ": " + e);
        }
    }

    private void stopProcesses() {
        stopping = true;
        watchdog.shutdownNow();
        synchronized (this) {
            stopComponents();
        }
    }

    private void stopComponents() {
        // the reverse of the start order: the API server's clients first, etcd last
        for (int i = components.size() - 1; i >= 0; i--) {
            Process process = components.get(i).process;
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        components.clear();
    }

    /** One look at every component: one that ended unasked is started again, within the limit. */
    private synchronized void restartEnded() {
        for (Component component : components) {
            if (stopping || component.givenUp || component.process.isAlive()) {
                continue;
            }
            Instant now = Instant.now();
            int exit = component.process.exitValue();
            while (!component.restarts.isEmpty() && component.restarts.peekFirst().isBefore(now.minus(RESTART_WINDOW))) {
                component.restarts.removeFirst();
            }
            if (component.restarts.size() >= MOST_RESTARTS) {
                component.givenUp = true;
                LOG.severe(() -> component.name + " ended again (exit " + exit + ") and is not started again after "
                        + MOST_RESTARTS + " restarts within " + RESTART_WINDOW.toMinutes() + " min; see " + logs().resolve(component.name + ".log"));
                continue;
            }
            component.restarts.addLast(now);
            LOG.warning(() -> component.name + " ended unasked (exit " + exit + "); starting it again ("
                    + component.restarts.size() + " of at most " + MOST_RESTARTS + " in " + RESTART_WINDOW.toMinutes() + " min)");
            try {
                component.process = spawn(component);
            } catch (IOException e) {
                LOG.severe(() -> component.name + " could not be started again: " + e.getMessage());
            }
        }
    }

    private void startEtcd(int port, int peerPort, boolean durable) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary("etcd"), "--name=campuslab",
                "--data-dir=" + home.resolve("etcd"),
                "--listen-client-urls=http://127.0.0.1:" + port, "--advertise-client-urls=http://127.0.0.1:" + port,
                "--listen-peer-urls=http://127.0.0.1:" + peerPort, "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-cluster=campuslab=http://127.0.0.1:" + peerPort, "--log-level=warn"));
        if (!durable) {
            command.add("--unsafe-no-fsync");
        }
        launch("etcd", command);
    }

    private void startApiServer(int etcdPort) throws IOException {
        launch("kube-apiserver", List.of(binary("kube-apiserver"),
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + apiPort,
                "--cert-dir=" + home.resolve("pki"),
                "--token-auth-file=" + home.resolve("pki/tokens.csv"),
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + home.resolve("pki/service-accounts.pub"),
                "--service-account-signing-key-file=" + home.resolve("pki/service-accounts.key"),
                "--service-cluster-ip-range=10.96.0.0/16",
                "--authorization-mode=Node,RBAC",
                "--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,PodSecurity,ResourceQuota,"
                        + "NodeRestriction,DefaultStorageClass,DefaultTolerationSeconds,Priority,RuntimeClass,"
                        + "StorageObjectInUseProtection,TaintNodesByCondition,MutatingAdmissionWebhook,"
                        + "ValidatingAdmissionPolicy,ValidatingAdmissionWebhook",
                "--allow-privileged=false",
                "--anonymous-auth=false",
                // the API server's own address is loopback, which Endpoints refuse; no in-cluster client needs it
                "--endpoint-reconciler-type=none",
                "--profiling=false", "--v=1"));
    }

    private void startControllerManager() throws IOException {
        launch("kube-controller-manager", List.of(binary("kube-controller-manager"),
                "--kubeconfig=" + home.resolve("pki/components.kubeconfig"),
                "--leader-elect=false", "--secure-port=0",
                "--use-service-account-credentials=false",
                "--service-account-private-key-file=" + home.resolve("pki/service-accounts.key"),
                "--root-ca-file=" + certificateAuthority(),
                // the legacy Endpoints controller would write the pods' loopback addresses, which Endpoints refuse;
                // the EndpointSlice controller (which the gateway reads) accepts them
                "--controllers=*,-endpoints-controller",
                "--profiling=false", "--v=1"));
    }

    private void startScheduler() throws IOException {
        launch("kube-scheduler", List.of(binary("kube-scheduler"),
                "--kubeconfig=" + home.resolve("pki/components.kubeconfig"),
                "--leader-elect=false", "--secure-port=0", "--profiling=false", "--v=1"));
    }

    private synchronized void launch(String name, List<String> command) throws IOException {
        Component component = new Component(name, List.copyOf(command));
        component.process = spawn(component);
        components.add(component);
    }

    private Process spawn(Component component) throws IOException {
        Files.createDirectories(logs());
        Path log = logs().resolve(component.name + ".log");
        Process process = new ProcessBuilder(component.command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        write(home.resolve("run").resolve(component.name + ".pid"), Long.toString(process.pid()));
        return process;
    }

    /**
     * Stops what an earlier start on the same folder left running (its JVM killed before it could stop
     * them): etcd would otherwise keep its data directory locked. Only processes whose command line
     * names this folder are touched.
     */
    private static void stopLeftovers(Path home) throws IOException {
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return;
        }
        try (var pidFiles = Files.list(run)) {
            for (Path pidFile : pidFiles.toList()) {
                try {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                            .filter(process -> process.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
                            .ifPresent(process -> {
                                LOG.warning(() -> "Stopping " + pidFile.getFileName() + " " + process.pid() + ", left running by an earlier start");
                                process.destroy();
                                process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                                        .exceptionally(timedOut -> {
                                            process.destroyForcibly();
                                            return process;
                                        }).join();
                            });
                } catch (NumberFormatException | IOException unreadable) {
                    LOG.fine(() -> "Ignoring " + pidFile + ": " + unreadable);
                }
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private String binary(String name) {
        return binaries.resolve(name).toString();
    }

    private void awaitApiServer() throws IOException {
        HttpClient http = HttpClient.newBuilder().sslContext(trustingContext()).connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            synchronized (this) {
                for (Component component : components) {
                    if (!component.process.isAlive()) {
                        throw new IOException(component.name + " ended with " + component.process.exitValue() + "; see " + logs());
                    }
                }
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url() + "/readyz"))
                        .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the API server", e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IOException("The API server was not ready within " + READY_WITHIN.toSeconds() + " s (" + last
                + "); see " + logs().resolve("kube-apiserver.log"));
    }

    /** The controller manager and the scheduler connect as the administrator; the CA is the API server's own. */
    private void writeComponentKubeconfig() throws IOException {
        write(home.resolve("pki/components.kubeconfig"), kubeconfig(url(), certificateAuthority(), adminToken));
    }

    /**
     * A kubeconfig for the given server and token; with a CA file for an HTTPS server (null for the
     * dev-cluster's plain-HTTP port on loopback).
     */
    static String kubeconfig(String server, Path certificateAuthorityOrNull, String token) {
        String authority = certificateAuthorityOrNull == null ? ""
                : "\n    certificate-authority: " + certificateAuthorityOrNull.toAbsolutePath();
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: campuslab-dev
                  cluster:
                    server: %s%s
                users:
                - name: campuslab
                  user:
                    token: %s
                contexts:
                - name: campuslab-dev
                  context:
                    cluster: campuslab-dev
                    user: campuslab
                current-context: campuslab-dev
                """.formatted(server, authority, token);
    }

    /** Static tokens: the administrator only. Kept across restarts. */
    private static void writeTokens(Path home, String adminToken) throws IOException {
        write(home.resolve("pki/tokens.csv"), adminToken + ",campuslab-admin,campuslab-admin,\"system:masters\"\n");
    }

    /** The key pair that signs and checks ServiceAccount tokens; made once. */
    private static void writeServiceAccountKeys(Path home) throws IOException {
        Path privateKey = home.resolve("pki/service-accounts.key");
        Path publicKey = home.resolve("pki/service-accounts.pub");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        write(file, token);
        return token;
    }

    /** Writes whole or not at all, readable by the owner only (keys, tokens, kubeconfigs). */
    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted", e));
        }
    }

    /**
     * Trusts any certificate: only for this process's own loopback API server, whose certificate it
     * made itself a moment ago and whose CA file may not exist yet when the first probe runs.
     */
    static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.campuslab.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Watches the stack's server processes (the embedded database, Keycloak, WildFly) once they run: one that ends without
 * being asked to (a crash, {@code kill -9}) is started again and waited for, at most
 * {@value #MOST_RESTARTS} times in {@link #WINDOW}; beyond that it stays down and says so. What
 * happened is written to {@code run/status}, which {@code ./campuslab status} prints.
 */
final class Supervisor {

    static final int MOST_RESTARTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Starts a server and waits until it is ready. */
    @FunctionalInterface
    interface Starter {
        StackServer start() throws StackException;
    }

    /** Where a watched server stands; only a running (or failed to restart) one is looked after when it ends. */
    private enum Phase {
        RUNNING, HELD, RESTARTING, GAVE_UP, DOWN;

        boolean restartsWhenEnded() {
            return this == RUNNING || this == DOWN;
        }
    }

    private static final class Watched {
        final Starter starter;
        StackServer current;
        final Deque<Instant> restarts = new ArrayDeque<>();
        Phase phase = Phase.RUNNING;
        /** What the status file says of it. */
        String state = "running";

        Watched(Starter starter, StackServer current) {
            this.starter = starter;
            this.current = current;
        }

        void now(Phase phase, String state) {
            this.phase = phase;
            this.state = state;
        }
    }

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final Path statusFile;
    private final PrintStream out;
    private final Clock clock;
    private volatile boolean stopping;
    private final java.util.concurrent.ExecutorService restarts = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "campuslab-restart");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.Queue<CompletableFuture<?>> restarting = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Supervisor(Path statusFile, PrintStream out, Clock clock) {
        this.statusFile = statusFile;
        this.out = out;
        this.clock = clock;
    }

    synchronized void watch(StackServer server, Starter starter) {
        watched.put(server.name(), new Watched(starter, server));
        writeStatus();
    }

    /** The process that runs now under this name (a restart replaces it). */
    synchronized StackServer current(String name) {
        return watched.get(name).current;
    }

    /** The server is stopped on purpose for a while (an outage played by a test): not restarted meanwhile. */
    synchronized void hold(String name, String why) {
        watched.get(name).now(Phase.HELD, "held: " + why);
        writeStatus();
    }

    /** The server held is back as {@code again}: watched again. */
    synchronized void release(String name, StackServer again) {
        Watched server = watched.get(name);
        server.current = again;
        server.now(Phase.RUNNING, "running");
        writeStatus();
    }

    /** From now on an ending process is expected: the stack is stopping. */
    void stopping() {
        stopping = true;
    }

    /**
     * One look at every watched process; what ended is started again, each on a thread of its own
     * (a database killed while Keycloak restarts does not wait for Keycloak).
     */
    synchronized void check() {
        for (Map.Entry<String, Watched> entry : watched.entrySet()) {
            Watched server = entry.getValue();
            if (stopping || server.current.isAlive() || !server.phase.restartsWhenEnded()) {
                continue;
            }
            Instant now = clock.instant();
            String name = entry.getKey();
            String exit = server.current.ending();
            while (!server.restarts.isEmpty() && server.restarts.peekFirst().isBefore(now.minus(WINDOW))) {
                server.restarts.removeFirst();
            }
            if (server.restarts.size() >= MOST_RESTARTS) {
                server.now(Phase.GAVE_UP, "gave up at " + now + " after " + MOST_RESTARTS + " restarts within "
                        + WINDOW.toMinutes() + " min (last " + exit + "); see " + server.current.whereToLook());
                out.println(name + " stopped again (" + exit + ") and is not restarted: it " + server.state
                        + ". Fix the cause, then ./campuslab stop and ./campuslab run.");
                writeStatus();
                continue;
            }
            server.restarts.addLast(now);
            out.println(name + " stopped unexpectedly (" + exit + ") at " + now + "; starting it again ("
                    + server.restarts.size() + " of at most " + MOST_RESTARTS + " in " + WINDOW.toMinutes() + " min) ...");
            server.now(Phase.RESTARTING, "restarting after " + exit + " at " + now);
            writeStatus();
            restarting.add(CompletableFuture.runAsync(() -> restart(name, server, now, exit), restarts));
        }
    }

    private void restart(String name, Watched server, Instant when, String exit) {
        StackServer again = null;
        String failure = null;
        try {
            again = server.starter.start();
        } catch (StackException | RuntimeException e) {
            failure = e.getMessage();
        }
        synchronized (this) {
            if (again != null) {
                server.current = again;
                server.now(Phase.RUNNING, "running, restarted " + server.restarts.size() + " time(s), last at " + when
                        + " after " + exit);
                out.println(name + " runs again.");
            } else {
                server.now(Phase.DOWN, "down: the restart at " + when + " failed: " + failure);
                out.println(name + " did not start again: " + failure);
            }
            writeStatus();
        }
    }

    /** Waits for the restarts under way: for tests. */
    void awaitRestarts() {
        CompletableFuture<?> next;
        while ((next = restarting.poll()) != null) {
            next.join();
        }
    }

    /** Watches until the stack stops, every two seconds. */
    Thread start() {
        Thread thread = new Thread(() -> {
            while (!stopping) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                check();
            }
        }, "campuslab-supervisor");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void writeStatus() {
        StringBuilder text = new StringBuilder();
        watched.forEach((name, server) -> text.append(name).append(": ").append(server.state).append('\n'));
        try {
            Files.createDirectories(statusFile.getParent());
            Files.writeString(statusFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("Cannot write " + statusFile + ": " + e.getMessage());
        }
    }
}

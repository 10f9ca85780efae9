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

/**
 * Watches the stack's server processes (Keycloak, WildFly) once they run: one that ends without
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
        ChildProcess start() throws StackException;
    }

    private static final class Watched {
        final Starter starter;
        ChildProcess current;
        final Deque<Instant> restarts = new ArrayDeque<>();
        String state = "running";

        Watched(Starter starter, ChildProcess current) {
            this.starter = starter;
            this.current = current;
        }
    }

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final Path statusFile;
    private final PrintStream out;
    private final Clock clock;
    private volatile boolean stopping;

    Supervisor(Path statusFile, PrintStream out, Clock clock) {
        this.statusFile = statusFile;
        this.out = out;
        this.clock = clock;
    }

    synchronized void watch(ChildProcess child, Starter starter) {
        watched.put(child.name(), new Watched(starter, child));
        writeStatus();
    }

    /** The process that runs now under this name (a restart replaces it). */
    synchronized ChildProcess current(String name) {
        return watched.get(name).current;
    }

    /** From now on an ending process is expected: the stack is stopping. */
    void stopping() {
        stopping = true;
    }

    /** One look at every watched process; restarts what ended. */
    synchronized void check() {
        for (Map.Entry<String, Watched> entry : watched.entrySet()) {
            Watched server = entry.getValue();
            if (stopping || server.current.isAlive() || server.state.startsWith("gave up")) {
                continue;
            }
            Instant now = clock.instant();
            String name = entry.getKey();
            int exit = server.current.exitValue();
            while (!server.restarts.isEmpty() && server.restarts.peekFirst().isBefore(now.minus(WINDOW))) {
                server.restarts.removeFirst();
            }
            if (server.restarts.size() >= MOST_RESTARTS) {
                server.state = "gave up at " + now + " after " + MOST_RESTARTS + " restarts within " + WINDOW.toMinutes()
                        + " min (last exit " + exit + "); see " + server.current.log();
                out.println(name + " stopped again (exit " + exit + ") and is not restarted: it " + server.state
                        + ". Fix the cause, then ./campuslab stop and ./campuslab run.");
                writeStatus();
                continue;
            }
            server.restarts.addLast(now);
            out.println(name + " stopped unexpectedly (exit " + exit + ") at " + now + "; starting it again ("
                    + server.restarts.size() + " of at most " + MOST_RESTARTS + " in " + WINDOW.toMinutes() + " min) ...");
            server.state = "restarting after exit " + exit + " at " + now;
            writeStatus();
            try {
                server.current = server.starter.start();
                server.state = "running, restarted " + server.restarts.size() + " time(s), last at " + now
                        + " after exit " + exit;
                out.println(name + " runs again.");
            } catch (StackException e) {
                server.state = "down: the restart at " + now + " failed: " + e.getMessage();
                out.println(name + " did not start again: " + e.getMessage());
            }
            writeStatus();
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

package io.campuslab.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server the stack starts as a child process (Keycloak, WildFly): output to a log file, its
 * process ids in a pid file for {@code ./campuslab stop}, readiness polled, and a stop that takes
 * down the whole process tree (their start scripts fork the real Java process).
 */
final class ChildProcess implements StackServer {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path log, Path pidFile) throws StackException {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), log, pidFile);
            child.writePids();
            return child;
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the probe says ready; fails early if the process dies, with the end of its log. */
    void awaitReady(BooleanSupplier probe, Duration timeout) throws StackException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(name + " stopped while starting (exit " + process.exitValue() + "). "
                        + "End of " + log + ":\n" + tail(30));
            }
            writePids();
            boolean ready;
            try {
                ready = probe.getAsBoolean();
            } catch (RuntimeException e) {
                throw new StackException(name + ": " + e.getMessage() + " See " + log, e);
            }
            if (ready) {
                writePids();
                return;
            }
            sleep(500);
        }
        throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s. End of " + log + ":\n" + tail(30));
    }

    @Override
    public String ending() {
        return "exit " + process.exitValue();
    }

    @Override
    public String whereToLook() {
        return log.toString();
    }

    @Override
    public String name() {
        return name;
    }

    /** The process itself (not the ones it forked). */
    @Override
    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void stop(Duration grace) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            handle.onExit().completeOnTimeout(handle, left, TimeUnit.NANOSECONDS).join();
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file only makes ./campuslab stop try a process that is gone
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    private void writePids() {
        String pids = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(h -> Long.toString(h.pid())).collect(Collectors.joining(" "));
        try {
            Files.writeString(pidFile, pids + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String tail(int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}

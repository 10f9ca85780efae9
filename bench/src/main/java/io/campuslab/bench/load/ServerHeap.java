package io.campuslab.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal server's heap, as {@code jcmd} reads it from the WildFly that {@code ./campuslab run}
 * started (its process ids are in {@code $CAMPUSLAB_HOME/run/wildfly.pid}): used bytes after a full
 * collection, so that what people's sessions keep is what remains.
 */
final class ServerHeap {

    private static final Pattern USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private final long pid;

    private ServerHeap(long pid) {
        this.pid = pid;
    }

    static ServerHeap ofLocalStack() throws IOException {
        Path pids = Path.of(System.getenv().getOrDefault("CAMPUSLAB_HOME", ".campuslab"), "run", "wildfly.pid");
        for (String pid : Files.readString(pids).trim().split("\\s+")) {
            boolean java = ProcessHandle.of(Long.parseLong(pid)).flatMap(p -> p.info().command())
                    .map(command -> command.endsWith("/java")).orElse(false);
            if (java) {
                return new ServerHeap(Long.parseLong(pid));
            }
        }
        throw new IllegalStateException("No WildFly Java process among " + pids + "; is ./campuslab run running?");
    }

    /** Bytes in use after a full collection. */
    long usedAfterCollection() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(500);
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said nothing of the heap in use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /**
     * The CPU time the server's process has used so far (user and system), in milliseconds: what a
     * request costs the server, measured apart from the load tool that shares its cores.
     */
    long cpuMillis() throws IOException {
        String[] fields = Files.readString(Path.of("/proc", Long.toString(pid), "stat")).replaceFirst("^.*\\) ", "").split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / 100;
    }
}

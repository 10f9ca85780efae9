package io.campuslab.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time goes, from a Flight Recorder file of the portal under load (record it
 * with {@code jcmd <WildFly pid> JFR.start settings=profile duration=60s filename=portal.jfr}): the
 * share of the execution samples of request threads by the methods on their stacks (inclusive, so a
 * method counts once however deep) and by the method at the top (self). Arguments: the file, then
 * optionally how many lines (25).
 */
public final class HotSpots {

    private HotSpots() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfByPackage = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
            if (thread == null || !(thread.startsWith("default task") || thread.startsWith("XNIO"))) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            selfByPackage.merge(packageOf(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                if (seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples of request threads in %s%n", samples, file);
        print("On the stack (inclusive)", inclusive, samples, lines);
        print("At the top (self)", self, samples, lines);
        print("At the top, by package (self)", selfByPackage, samples, lines);
    }

    /** The first three parts of the frame's package: {@code org.hibernate.engine}, {@code io.campuslab.core}. */
    private static String packageOf(RecordedFrame frame) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int lines) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(lines)
                .forEach(entry -> System.out.printf(Locale.ROOT, "%6.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples),
                        entry.getKey()));
    }
}

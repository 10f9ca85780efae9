package io.campuslab.bench.load;

import static us.abstracta.jmeter.javadsl.JmeterDsl.httpSampler;
import static us.abstracta.jmeter.javadsl.JmeterDsl.jsr223PreProcessor;
import static us.abstracta.jmeter.javadsl.JmeterDsl.testPlan;
import static us.abstracta.jmeter.javadsl.JmeterDsl.threadGroup;
import static us.abstracta.jmeter.javadsl.JmeterDsl.uniformRandomTimer;

import com.microsoft.playwright.Page;
import io.campuslab.bench.load.Crowd.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import us.abstracta.jmeter.javadsl.core.TestPlanStats;
import us.abstracta.jmeter.javadsl.core.stats.StatsSummary;
import us.abstracta.jmeter.javadsl.core.threadgroups.DslDefaultThreadGroup;
import us.abstracta.jmeter.javadsl.http.DslHttpSampler;

/**
 * 500 people of one school on a running portal ({@code ./campuslab run}) for two minutes, with the
 * pauses people make: 420 students keep *My lab*'s live status open (a read every 3–7 s) and look at
 * today's sessions; 60 teachers look at their classroom and its sessions every 5–10 s; 20 admins list
 * members and the school's labs every 5–15 s. Three real browsers open the pages beside the crowd.
 * Then 40 people sign in in browsers and open *My lab*, and the server's heap after a full
 * collection, before and after, gives the memory of one Vaadin session.
 *
 * <p>Prints p50/p95/p99 and errors per action. Arguments, each {@code name=value}: {@code portal}
 * (http://localhost:8080), {@code keycloak} (http://localhost:8180), {@code seconds} (120), {@code
 * students} (420), {@code teachers} (60), {@code admins} (20); {@code closed=N} instead runs N
 * connections without pauses on *My lab*'s status (a closed loop: each asks again as soon as it has
 * its answer), for profiling what one request costs the server.
 */
public final class PortalLoad {

    private static final int BROWSER_SESSIONS = 40;

    private PortalLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new TreeMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Arguments are name=value (portal, keycloak, seconds, students, teachers, admins): " + arg);
            }
            given.put(pair[0], pair[1]);
        }
        String portal = given.getOrDefault("portal", "http://localhost:8080");
        String keycloak = given.getOrDefault("keycloak", "http://localhost:8180");
        Duration length = Duration.ofSeconds(Integer.parseInt(given.getOrDefault("seconds", "120")));
        int students = Integer.parseInt(given.getOrDefault("students", "420"));
        int teachers = Integer.parseInt(given.getOrDefault("teachers", "60"));
        int admins = Integer.parseInt(given.getOrDefault("admins", "20"));

        Crowd crowd = new Crowd(portal, keycloak);
        if (given.containsKey("closed")) {
            closedLoop(crowd, portal, Integer.parseInt(given.get("closed")), length);
            return;
        }
        long gathering = System.nanoTime();
        List<Person> people = crowd.withFreshTokens(crowd.gather(students, teachers, admins));
        System.out.printf(Locale.ROOT, "%d people of %s signed in (%.0f s)%n", people.size(), Crowd.SCHOOL,
                (System.nanoTime() - gathering) / 1e9);

        Map<String, List<Long>> pageTimes = new TreeMap<>();
        AtomicBoolean crowdRuns = new AtomicBoolean(true);
        TestPlanStats stats;
        try (Browsers browsers = new Browsers(portal)) {
            Thread beside = new Thread(() -> browseBeside(browsers, portal, people, crowdRuns, pageTimes), "browsers-beside");
            beside.start();
            try {
                stats = testPlan(
                        group("students", of(people, "student"), length,
                                get("student: my lab (live status)", portal + "/api/v1/labs/mine", 3, 7),
                                get("student: my lab (live status)", portal + "/api/v1/labs/mine", 3, 7),
                                get("student: today's sessions", portal + "/api/v1/sessions/today", 3, 7)),
                        group("teachers", of(people, "teacher"), length,
                                get("teacher: classroom", portal + "/api/v1/classrooms/${classroom}", 5, 10),
                                get("teacher: classroom's sessions", portal + "/api/v1/classrooms/${classroom}/sessions", 5, 10)),
                        group("admins", of(people, "tenant-admin"), length,
                                get("admin: members", portal + "/api/v1/members?first=0&max=50", 5, 15),
                                get("admin: school's labs", portal + "/api/v1/labs", 5, 15))
                ).run();
            } finally {
                crowdRuns.set(false);
                beside.join();
            }
            report(stats, pageTimes);

            browsers.closeAll();
            ServerHeap heap = ServerHeap.ofLocalStack();
            long before = heap.usedAfterCollection();
            for (int i = 1; i <= BROWSER_SESSIONS; i++) {
                Page page = browsers.signedIn("load-student-" + i);
                Browsers.open(page, "#nav-lab", "#lab-choices, #lab-card");
            }
            long after = heap.usedAfterCollection();
            System.out.printf(Locale.ROOT, "%nVaadin sessions: %d people signed in on *My lab*: heap %.1f MB → %.1f MB after a full"
                            + " collection, %.0f KB per session%n", BROWSER_SESSIONS, before / 1e6, after / 1e6,
                    (after - before) / 1024.0 / BROWSER_SESSIONS);
        }
    }

    /** {@code connections} students each asking for *My lab*'s status again as soon as they have it. */
    private static void closedLoop(Crowd crowd, String portal, int connections, Duration length) throws Exception {
        List<Person> people = crowd.withFreshTokens(crowd.gather(connections, 1, 1));
        List<Person> students = of(people, "student");
        ServerHeap server = ServerHeap.ofLocalStack();
        long cpuBefore = server.cpuMillis();
        TestPlanStats stats = testPlan(threadGroup("closed loop").rampToAndHold(connections, Duration.ofSeconds(5), length)
                .children(jsr223PreProcessor(s -> s.vars.put("token", students.get(s.ctx.getThreadNum() % students.size()).token())),
                        httpSampler("student: my lab (closed loop)", portal + "/api/v1/labs/mine")
                                .header("Authorization", "Bearer ${token}").header("Accept", "application/json"))).run();
        long cpu = server.cpuMillis() - cpuBefore;
        System.out.printf(Locale.ROOT, "%d connections without pauses for %d s:%n", connections, length.toSeconds());
        report(stats, Map.of());
        System.out.printf(Locale.ROOT, "server CPU time: %.2f ms per request (%d ms for %d requests, the load tool's own not counted)%n",
                cpu / (double) Math.max(1, stats.overall().samplesCount()), cpu, stats.overall().samplesCount());
    }

    /** A thread group of people of one role: each thread is one person, with their own token. */
    private static DslDefaultThreadGroup group(String name, List<Person> people, Duration length,
                                               us.abstracta.jmeter.javadsl.core.threadgroups.BaseThreadGroup.ThreadGroupChild... steps) {
        List<us.abstracta.jmeter.javadsl.core.threadgroups.BaseThreadGroup.ThreadGroupChild> children = new ArrayList<>();
        children.add(jsr223PreProcessor(s -> {
            Person person = people.get(s.ctx.getThreadNum() % people.size());
            s.vars.put("token", person.token());
            s.vars.put("classroom", Long.toString(person.classroom()));
        }));
        Collections.addAll(children, steps);
        return threadGroup(name).rampToAndHold(people.size(), Duration.ofSeconds(20), length)
                .children(children.toArray(us.abstracta.jmeter.javadsl.core.threadgroups.BaseThreadGroup.ThreadGroupChild[]::new));
    }

    /**
     * A read as the person, after a pause of {@code fromSeconds} to {@code toSeconds} (a timer belongs
     * to its request: JMeter applies a timer to every request in its scope).
     */
    private static DslHttpSampler get(String label, String url, int fromSeconds, int toSeconds) {
        return httpSampler(label, url).header("Authorization", "Bearer ${token}").header("Accept", "application/json")
                .children(uniformRandomTimer(Duration.ofSeconds(fromSeconds), Duration.ofSeconds(toSeconds)));
    }

    private static List<Person> of(List<Person> people, String role) {
        return people.stream().filter(p -> p.role().equals(role)).toList();
    }

    /** A student, a teacher and an admin in real browsers, opening their pages every ten seconds. */
    private static void browseBeside(Browsers browsers, String portal, List<Person> people, AtomicBoolean crowdRuns,
                                     Map<String, List<Long>> times) {
        String teacher = of(people, "teacher").get(0).username();
        Page student = browsers.signedIn(of(people, "student").get(0).username());
        Page teaching = browsers.signedIn(teacher);
        Page admin = browsers.signedIn(of(people, "tenant-admin").get(0).username());
        while (crowdRuns.get()) {
            page(times, "page: my lab", student, portal + "/lab", "#lab-choices, #lab-card");
            page(times, "page: classrooms", teaching, portal + "/classrooms", "#classroom-name");
            page(times, "page: members", admin, portal + "/members", "#members-grid");
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void page(Map<String, List<Long>> times, String name, Page page, String address, String shown) {
        try {
            record(times, name, Browsers.load(page, address, shown));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            record(times, name + " (not shown within 30 s)", 30_000);
        }
    }

    private static synchronized void record(Map<String, List<Long>> times, String page, long millis) {
        times.computeIfAbsent(page, key -> new ArrayList<>()).add(millis);
    }

    private static void report(TestPlanStats stats, Map<String, List<Long>> pageTimes) {
        System.out.printf(Locale.ROOT, "%n%-34s %8s %7s %8s %8s %8s%n", "action", "requests", "errors", "p50 ms", "p95 ms", "p99 ms");
        for (String label : new java.util.TreeSet<>(stats.labels())) {
            StatsSummary s = stats.byLabel(label);
            System.out.printf(Locale.ROOT, "%-34s %8d %7d %8d %8d %8d%n", label, s.samplesCount(), s.errorsCount(),
                    s.sampleTime().median().toMillis(), s.sampleTime().perc95().toMillis(), s.sampleTime().perc99().toMillis());
        }
        StatsSummary all = stats.overall();
        System.out.printf(Locale.ROOT, "%-34s %8d %7d %8d %8d %8d  (%.0f requests/s)%n", "all API requests", all.samplesCount(),
                all.errorsCount(), all.sampleTime().median().toMillis(), all.sampleTime().perc95().toMillis(),
                all.sampleTime().perc99().toMillis(), all.samplesCount() / (double) Math.max(1, stats.duration().toSeconds()));
        pageTimes.forEach((page, times) -> {
            List<Long> sorted = times.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-34s %8d %7s %8d %8d %8d  (real browser, until shown)%n", page, sorted.size(), "-",
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
        });
    }
}

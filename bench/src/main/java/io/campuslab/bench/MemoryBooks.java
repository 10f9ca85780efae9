package io.campuslab.bench;

import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.lab.Fence;
import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.lab.LabBooks;
import io.campuslab.core.lab.LabPlan;
import io.campuslab.core.lab.LabRecord;
import io.campuslab.core.lab.SchoolBooks;
import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.Reserved;
import io.campuslab.core.lab.admission.TenantLimits;
import io.campuslab.domain.lab.LabState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The books of a pass, in memory: labs by id, spread over a few schools with room for all. */
final class MemoryBooks implements LabBooks {

    static final int SCHOOLS = 10;

    private final String prefix;
    private final long firstId;
    private final Map<Long, LabRecord> labs = new ConcurrentHashMap<>();
    private final List<LabRecord> toPrepare = new ArrayList<>();
    private final List<Reserved> reserved = new ArrayList<>();

    MemoryBooks(String prefix, long firstId) {
        this.prefix = prefix;
        this.firstId = firstId + 100_000L * prefix.length();
    }

    void request(int count, int cpuMillis, int memoryMib, Instant at) {
        labs.putAll(records(count, cpuMillis, memoryMib, at, null, SCHOOLS));
    }

    /** A session of one school with a seat per student, whose labs the next pass prepares. */
    void session(long session, int students, int cpuMillis, int memoryMib, Instant at) {
        String school = prefix + "-school-0";
        reserved.add(new Reserved(session, school, "bench class", new Demand(cpuMillis, memoryMib, cpuMillis / 2, memoryMib,
                0, null, Map.of()), students, false));
        toPrepare.addAll(records(students, cpuMillis, memoryMib, at, session, 1).values());
    }

    private Map<Long, LabRecord> records(int count, int cpuMillis, int memoryMib, Instant at, Long session, int schools) {
        Map<Long, LabRecord> records = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            String school = prefix + "-school-" + (i % schools);
            LabBlueprint blueprint = new LabBlueprint("lab-" + id, "cl-" + school, id, school, "student-" + i, "jupyterlab",
                    "quay.io/jupyter/base-notebook:2025-01-06", List.of(), List.of(), List.of(new LabBlueprint.Port("http", 8888)),
                    cpuMillis, memoryMib, cpuMillis / 2, memoryMib, 0, null, Map.of(), List.of(), 0, "/", null);
            records.put(id, new LabRecord(id, school, "student-" + i, LabState.QUEUED,
                    new Demand(cpuMillis, memoryMib, cpuMillis / 2, memoryMib, 0, null, Map.of()), null, at, null, null,
                    blueprint, session, null, null));
        }
        return records;
    }

    @Override
    public List<Reserved> reservations() {
        return List.copyOf(reserved);
    }

    @Override
    public int prepareSessions(Fence fence) {
        int prepared = toPrepare.size();
        toPrepare.forEach(l -> labs.put(l.id(), l));
        toPrepare.clear();
        return prepared;
    }

    int count(LabState state) {
        return (int) labs.values().stream().filter(l -> l.state() == state).count();
    }

    void stopAll() {
        labs.replaceAll((id, l) -> l.state() == LabState.QUEUED ? with(l, LabState.STOPPED) : with(l, LabState.STOPPING));
    }

    @Override
    public List<LabRecord> activeLabs() {
        return labs.values().stream().filter(l -> l.state().isActive() || l.state() == LabState.STOPPING).toList();
    }

    @Override
    public SchoolBooks schools() {
        Map<String, TenantLimits> limits = new HashMap<>();
        Map<String, SchoolPolicy> policies = new HashMap<>();
        for (int i = 0; i < SCHOOLS; i++) {
            String school = prefix + "-school-" + i;
            limits.put(school, new TenantLimits(school, 1_000_000, 10_000_000, 10_000, 0, Map.of(), 100));
            policies.put(school, new SchoolPolicy("cl-" + school, school, Map.of("pods", "10000"), 1000, 1024, 500, 1024,
                    "", List.of(), List.of(), "privileged", List.of()));
        }
        return new SchoolBooks(limits, policies);
    }

    @Override
    public void recordObservations(Fence fence, LabPlan plan) {
        plan.running().forEach(r -> labs.computeIfPresent(r.labId(), (id, l) -> with(l, LabState.RUNNING)));
        plan.gone().forEach(id -> labs.computeIfPresent(id, (i, l) -> with(l, LabState.STOPPED)));
        plan.failures().forEach(f -> labs.computeIfPresent(f.labId(), (id, l) -> with(l, LabState.FAILED)));
    }

    @Override
    public void recordAdmission(Fence fence, Admission admission, Map<Long, Instant> startsBy) {
        admission.admitted().forEach(a -> labs.computeIfPresent(a.labId(), (id, l) -> with(l, LabState.PROVISIONING)));
    }

    @Override
    public java.util.Set<Long> stillProvisioning(java.util.Collection<Long> ids) {
        return ids.stream().map(labs::get).filter(l -> l != null && l.state() == LabState.PROVISIONING)
                .map(LabRecord::id).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void refused(Fence fence, long labId, String detail) {
        labs.computeIfPresent(labId, (id, l) -> with(l, LabState.FAILED));
    }

    private static LabRecord with(LabRecord lab, LabState state) {
        return new LabRecord(lab.id(), lab.tenant(), lab.user(), state, lab.demand(), lab.nodeOrNull(), Instant.now(),
                state == LabState.RUNNING ? Instant.now() : lab.runningAtOrNull(), Instant.now(), lab.blueprint(),
                lab.sessionOrNull(), null, null);
    }
}

package io.campuslab.core.classroom;

import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.NodeRoom;
import io.campuslab.core.lab.admission.Packing;
import io.campuslab.core.lab.admission.TenantLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Whether a session's reservation fits, beside the reservations already made: at every moment of
 * its window, what all overlapping reservations hold must fit the cluster's capacity for labs (GPUs
 * per type, CPU and memory by requests), and what the school's overlapping reservations hold must
 * fit the school's quota (GPUs in total and per type, CPU and memory by limits, labs). Room summed
 * over the nodes can still be split so that no node holds one more lab: the labs are then placed
 * node by node as admission would place them. Pure; the answer names what does not fit, how much
 * is free, and whose reservations hold the rest.
 */
public final class ReservationCheck {

    /** The cluster's room for labs: its ready nodes; GPUs per resource key, CPU and memory are their sums. */
    public record Capacity(List<NodeRoom> nodes) {

        public Capacity {
            nodes = List.copyOf(nodes);
        }

        long gpus(String key) {
            return nodes.stream().mapToLong(node -> node.gpus().getOrDefault(key, 0)).sum();
        }

        long cpuMillis() {
            return nodes.stream().mapToLong(NodeRoom::cpuMillis).sum();
        }

        long memoryMib() {
            return nodes.stream().mapToLong(NodeRoom::memoryMib).sum();
        }
    }

    /** The answer: fits, or the first thing that does not, at the moment it is tightest. */
    public record Verdict(boolean fits, String reasonKey, String resource, long wanted, long free, Instant at,
                          List<String> heldBy) {

        static Verdict ok() {
            return new Verdict(true, "session.fits", "", 0, 0, null, List.of());
        }
    }

    private record Limit(String reasonKey, String resource, long capacity, ToLongFunction<Reservation> use, boolean school) {
    }

    private ReservationCheck() {
    }

    public static Verdict check(Reservation wanted, List<Reservation> others, Capacity cluster, TenantLimits school) {
        if (wanted.students() == 0) {
            return Verdict.ok();
        }
        Demand lab = wanted.perStudent();
        if (!lab.nodeSelector().isEmpty() && !Packing.anyNodeMatches(cluster.nodes(), lab)) {
            String model = String.join(", ", lab.nodeSelector().values());
            return new Verdict(false, "session.no-room.model", model, wanted.students(), 0, wanted.from(), List.of());
        }
        if (Packing.fit(cluster.nodes(), List.of(), lab, 1) == 0) {
            return new Verdict(false, "session.no-room.size", "", wanted.students(), 0, wanted.from(), List.of());
        }
        List<Reservation> overlapping = others.stream().filter(r -> r.overlaps(wanted.from(), wanted.to())).toList();
        for (Limit limit : limits(wanted, cluster, school)) {
            long need = limit.use().applyAsLong(wanted);
            if (need == 0) {
                continue;
            }
            for (Instant moment : moments(wanted, overlapping)) {
                List<Reservation> holding = overlapping.stream()
                        .filter(r -> r.holdsAt(moment) && (!limit.school() || r.tenant().equals(wanted.tenant())))
                        .filter(r -> limit.use().applyAsLong(r) > 0).toList();
                long held = holding.stream().mapToLong(limit.use()).sum();
                if (held + need > limit.capacity()) {
                    return new Verdict(false, limit.reasonKey(), limit.resource(), need, Math.max(0, limit.capacity() - held),
                            moment, holding.stream().map(Reservation::owner).distinct().toList());
                }
            }
        }
        return placed(wanted, overlapping, cluster);
    }

    /** Whether the labs also find nodes, placed one by one beside the labs other sessions hold at each moment. */
    private static Verdict placed(Reservation wanted, List<Reservation> overlapping, Capacity cluster) {
        for (Instant moment : moments(wanted, overlapping)) {
            List<Reservation> holding = overlapping.stream().filter(r -> r.holdsAt(moment)).toList();
            List<Demand> there = new ArrayList<>();
            holding.forEach(r -> there.addAll(Collections.nCopies(r.students(), r.perStudent())));
            int fit = Packing.fit(cluster.nodes(), there, wanted.perStudent(), wanted.students());
            if (fit < wanted.students()) {
                return new Verdict(false, "session.no-room.machines", "", wanted.students(), fit, moment,
                        holding.stream().map(Reservation::owner).distinct().toList());
            }
        }
        return Verdict.ok();
    }

    /** The moments where what is held can change inside the window: its start and every overlapping start. */
    private static List<Instant> moments(Reservation wanted, List<Reservation> overlapping) {
        TreeSet<Instant> moments = new TreeSet<>();
        moments.add(wanted.from());
        overlapping.forEach(r -> {
            if (r.from().isAfter(wanted.from())) {
                moments.add(r.from());
            }
        });
        return new ArrayList<>(moments);
    }

    private static List<Limit> limits(Reservation wanted, Capacity cluster, TenantLimits school) {
        String key = wanted.perStudent().gpuKey();
        List<Limit> limits = new ArrayList<>();
        if (key != null) {
            limits.add(new Limit("session.no-room.gpus", key, cluster.gpus(key),
                    r -> key.equals(r.perStudent().gpuKey()) ? r.gpus() : 0, false));
            limits.add(new Limit("session.no-quota.gpus", key, school.gpusPerKey().getOrDefault(key, school.gpus()),
                    r -> key.equals(r.perStudent().gpuKey()) ? r.gpus() : 0, true));
            limits.add(new Limit("session.no-quota.gpus", "", school.gpus(), Reservation::gpus, true));
        }
        limits.add(new Limit("session.no-room.cpu", "cpu", cluster.cpuMillis(), Reservation::cpuRequestMillis, false));
        limits.add(new Limit("session.no-room.memory", "memory", cluster.memoryMib(), Reservation::memoryRequestMib, false));
        limits.add(new Limit("session.no-quota.cpu", "cpu", school.cpuMillis(), Reservation::cpuLimitMillis, true));
        limits.add(new Limit("session.no-quota.memory", "memory", school.memoryMib(), Reservation::memoryLimitMib, true));
        limits.add(new Limit("session.no-quota.labs", "labs", school.labs(), Reservation::students, true));
        return limits;
    }
}

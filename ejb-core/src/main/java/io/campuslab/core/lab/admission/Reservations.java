package io.campuslab.core.lab.admission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The class sessions' seats during one pass: which are filled by the sessions' labs, what the
 * empty ones keep free, and which labs give their room back when a session's lab has none.
 *
 * <p>Empty seats of a session that does not lend are kept free as a whole: another lab is admitted
 * only if, after it, the cluster's free GPUs of each key, free CPU and free memory (summed over the
 * nodes) and the school's quota still cover them. Seats are not tied to nodes, so a session whose
 * students each need a whole node can still find its room split; the seats of one lab size per
 * student are what sessions ask for.
 */
final class Reservations {

    /** Reasons a session's lab waits that giving back other labs' room can cure. */
    private static final Set<WaitReason> CURABLE = EnumSet.of(WaitReason.NO_FREE_GPU, WaitReason.NO_ROOM,
            WaitReason.RESERVED, WaitReason.SCHOOL_GPUS, WaitReason.SCHOOL_CPU, WaitReason.SCHOOL_MEMORY,
            WaitReason.SCHOOL_LABS);

    private static final class Seats {
        final Reserved reserved;
        int filled;

        Seats(Reserved reserved) {
            this.reserved = reserved;
        }

        int empty() {
            return Math.max(0, reserved.seats() - filled);
        }

        boolean keepsFree() {
            return !reserved.lent() && empty() > 0;
        }
    }

    /** A session's lab that found no room, and why. */
    record Shortfall(QueuedLab lab, Verdict verdict) {
    }

    private final Map<Long, Seats> bySession = new HashMap<>();

    Reservations(List<Reserved> reserved) {
        reserved.forEach(r -> bySession.put(r.session(), new Seats(r)));
    }

    /** A lab of a session that holds resources fills one of its seats, if one is empty. */
    boolean fill(Long sessionOrNull) {
        Seats seats = sessionOrNull == null ? null : bySession.get(sessionOrNull);
        if (seats == null || seats.empty() == 0) {
            return false;
        }
        seats.filled++;
        return true;
    }

    /** A lab that was to fill a seat did not start: the seat is empty again. */
    void empty(Long session) {
        bySession.get(session).filled--;
    }

    /**
     * Which session's empty seats the demand would take, given the cluster's and the school's free
     * room after the labs already placed; null when it takes none.
     */
    Verdict problem(Demand demand, Cluster cluster, SchoolShare school, TenantLimits limit) {
        List<Seats> keeping = bySession.values().stream().filter(Seats::keepsFree).toList();
        if (keeping.isEmpty()) {
            return null;
        }
        if (demand.gpus() > 0) {
            List<Seats> sameKey = keeping.stream().filter(s -> demand.gpuKey().equals(s.reserved.perStudent().gpuKey())).toList();
            if (cluster.freeGpus(demand.gpuKey()) - demand.gpus() < sum(sameKey, d -> d.gpus())) {
                return reserved(sameKey);
            }
        }
        if (cluster.freeCpu() - demand.cpuRequestMillis() < sum(keeping, Demand::cpuRequestMillis)
                || cluster.freeMemory() - demand.memoryRequestMib() < sum(keeping, Demand::memoryRequestMib)) {
            return reserved(keeping);
        }
        List<Seats> ours = keeping.stream().filter(s -> s.reserved.tenant().equals(school.tenant)).toList();
        if (ours.isEmpty() || limit == null) {
            return null;
        }
        boolean over = school.labs + 1 + ours.stream().mapToLong(Seats::empty).sum() > limit.labs()
                || school.cpuMillis + demand.cpuLimitMillis() + sum(ours, Demand::cpuLimitMillis) > limit.cpuMillis()
                || school.memoryMib + demand.memoryLimitMib() + sum(ours, Demand::memoryLimitMib) > limit.memoryMib()
                || school.gpus + demand.gpus() + sum(ours, Demand::gpus) > limit.gpus();
        if (!over && demand.gpus() > 0 && limit.gpusPerKey().containsKey(demand.gpuKey())) {
            List<Seats> sameKey = ours.stream().filter(s -> demand.gpuKey().equals(s.reserved.perStudent().gpuKey())).toList();
            over = school.gpusPerKey.getOrDefault(demand.gpuKey(), 0) + demand.gpus() + sum(sameKey, d -> d.gpus())
                    > limit.gpusPerKey().get(demand.gpuKey());
        }
        return over ? reserved(ours) : null;
    }

    private static long sum(List<Seats> seats, java.util.function.ToIntFunction<Demand> per) {
        return seats.stream().mapToLong(s -> (long) s.empty() * per.applyAsInt(s.reserved.perStudent())).sum();
    }

    private static Verdict reserved(List<Seats> seats) {
        Set<String> owners = new LinkedHashSet<>();
        seats.forEach(s -> owners.add(s.reserved.owner()));
        return new Verdict(WaitReason.RESERVED, String.join(", ", owners));
    }

    /**
     * Which labs give their room back so that the sessions' waiting labs can start: labs someone
     * asked for (never a session's), the latest asked for first; for the school's quota only the
     * school's own, for the cluster's room any school's; for GPUs only labs with GPUs of the key.
     * Labs already giving their room back are counted first, so a pass never reclaims twice for the
     * same need, and a need that the labs there are cannot cover reclaims nothing.
     *
     * @param waiting the sessions' labs that found no room, in request order; their verdicts become
     *                {@link WaitReason#RECLAIMING} where room is being given back for them
     * @return the labs to reclaim now
     */
    static List<Long> reclaim(List<Shortfall> waiting, List<HeldLab> held, Map<Long, Verdict> verdicts) {
        List<HeldLab> giving = new ArrayList<>(held.stream().filter(HeldLab::reclaiming).toList());
        List<HeldLab> candidates = new ArrayList<>(held.stream()
                .filter(l -> l.sessionOrNull() == null && !l.reclaiming())
                .sorted(Comparator.comparingLong(HeldLab::sequence).reversed()).toList());
        List<Long> reclaimed = new ArrayList<>();
        for (Shortfall shortfall : waiting) {
            WaitReason reason = shortfall.verdict().reason();
            if (!CURABLE.contains(reason)) {
                continue;
            }
            Demand need = shortfall.lab().demand();
            boolean schoolOnly = reason.name().startsWith("SCHOOL_");
            boolean gpus = need.gpus() > 0 && (reason == WaitReason.NO_FREE_GPU || reason == WaitReason.SCHOOL_GPUS
                    || reason == WaitReason.RESERVED);
            Predicate<HeldLab> helps = l -> (!schoolOnly || l.tenant().equals(shortfall.lab().tenant()))
                    && (!gpus || (l.demand().gpus() > 0 && need.gpuKey().equals(l.demand().gpuKey())));
            List<HeldLab> chosen = new ArrayList<>();
            Freed freed = new Freed();
            for (List<HeldLab> source : List.of(giving, candidates)) {
                for (HeldLab lab : source) {
                    if (freed.covers(need, gpus, reason)) {
                        break;
                    }
                    if (helps.test(lab)) {
                        chosen.add(lab);
                        freed.add(lab.demand());
                    }
                }
            }
            if (!freed.covers(need, gpus, reason)) {
                continue;
            }
            giving.removeAll(chosen);
            candidates.removeAll(chosen);
            chosen.stream().filter(l -> !l.reclaiming()).forEach(l -> reclaimed.add(l.labId()));
            verdicts.put(shortfall.lab().labId(), new Verdict(WaitReason.RECLAIMING, shortfall.verdict().detail()));
        }
        return reclaimed;
    }

    /** What the labs chosen so far give back. */
    private static final class Freed {
        long gpus;
        long cpuRequest;
        long memoryRequest;
        long cpuLimit;
        long memoryLimit;
        int labs;

        void add(Demand demand) {
            gpus += demand.gpus();
            cpuRequest += demand.cpuRequestMillis();
            memoryRequest += demand.memoryRequestMib();
            cpuLimit += demand.cpuLimitMillis();
            memoryLimit += demand.memoryLimitMib();
            labs++;
        }

        boolean covers(Demand need, boolean gpusOnly, WaitReason reason) {
            return switch (reason) {
                case SCHOOL_LABS -> labs >= 1;
                case SCHOOL_CPU -> cpuLimit >= need.cpuLimitMillis();
                case SCHOOL_MEMORY -> memoryLimit >= need.memoryLimitMib();
                case SCHOOL_GPUS -> gpus >= need.gpus();
                default -> gpusOnly ? gpus >= need.gpus()
                        : cpuRequest >= need.cpuRequestMillis() && memoryRequest >= need.memoryRequestMib();
            };
        }
    }
}

package io.campuslab.core.lab.admission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which queued labs start now. Schools take turns by dominant resource share: the school whose
 * largest share of the cluster (CPU, memory or GPUs) is smallest goes next, so a school running
 * a few GPU labs does not starve one that needs CPU, and the other way round. Within a school the
 * queue is first come, first served, and a user's requests start in the order they were made; a
 * request that cannot start (quota used up, no node with room) does not hold up different requests
 * behind it that can. Every lab must fit on one node as a whole.
 *
 * <p>Each queued lab is looked at once per pass: within a pass free room and quota only shrink, so a
 * lab that waits once waits to the end of the pass. A pass is linear in the queue times the nodes.
 */
public final class AdmissionPolicy {

    /** Decides a pass over one consistent snapshot. */
    public Admission decide(List<QueuedLab> queue, List<HeldLab> held, Map<String, TenantLimits> limits,
                            List<NodeRoom> nodes) {
        Cluster cluster = new Cluster(nodes);
        Map<String, School> schools = new HashMap<>();
        Map<String, Integer> userLabs = new HashMap<>();
        for (HeldLab lab : held) {
            school(schools, lab.tenant(), cluster).hold(lab.demand());
            userLabs.merge(lab.tenant() + "/" + lab.user(), 1, Integer::sum);
            if (lab.nodeOrNull() != null) {
                cluster.take(lab.nodeOrNull(), lab.demand());
            }
        }
        for (HeldLab lab : held) {
            if (lab.nodeOrNull() == null) {
                cluster.bestNode(lab.demand()).ifPresent(node -> cluster.take(node, lab.demand()));
            }
        }
        queue.stream().sorted(Comparator.comparingLong(QueuedLab::sequence))
                .forEach(lab -> school(schools, lab.tenant(), cluster).queue.add(lab));

        PriorityQueue<School> turns = new PriorityQueue<>(Comparator.comparingDouble(School::dominantShare)
                .thenComparing(s -> s.tenant));
        schools.values().stream().filter(s -> !s.queue.isEmpty()).forEach(turns::add);
        List<Admission.Admitted> admitted = new ArrayList<>();
        Map<Long, Verdict> waiting = new HashMap<>();
        Set<String> usersWaiting = new HashSet<>();
        while (!turns.isEmpty()) {
            School school = turns.poll();
            TenantLimits limit = limits.get(school.tenant);
            while (school.next < school.queue.size()) {
                QueuedLab lab = school.queue.get(school.next++);
                String user = lab.tenant() + "/" + lab.user();
                Verdict decided = usersWaiting.contains(user)
                        ? new Verdict(WaitReason.BEHIND_OWN_REQUEST, "")
                        : school.quotaProblem(lab.demand(), limit, userLabs.getOrDefault(user, 0));
                String node = null;
                if (decided == null) {
                    node = cluster.bestNode(lab.demand()).orElse(null);
                    decided = node == null ? cluster.whyNoRoom(lab.demand()) : null;
                }
                if (decided != null) {
                    waiting.put(lab.labId(), decided);
                    usersWaiting.add(user);
                    continue;
                }
                cluster.take(node, lab.demand());
                school.hold(lab.demand());
                userLabs.merge(user, 1, Integer::sum);
                admitted.add(new Admission.Admitted(lab.labId(), node));
                if (school.next < school.queue.size()) {
                    turns.add(school);
                }
                break;
            }
        }
        return new Admission(admitted, positions(schools, waiting));
    }

    /** Each waiting lab's place in its school's queue, in request order. */
    private static Map<Long, Admission.Waiting> positions(Map<String, School> schools, Map<Long, Verdict> waiting) {
        Map<Long, Admission.Waiting> result = new HashMap<>();
        for (School school : schools.values()) {
            int position = 0;
            for (QueuedLab lab : school.queue) {
                Verdict decided = waiting.get(lab.labId());
                if (decided != null) {
                    result.put(lab.labId(), new Admission.Waiting(++position, decided.reason(), decided.detail()));
                }
            }
        }
        return result;
    }

    private static School school(Map<String, School> schools, String tenant, Cluster cluster) {
        return schools.computeIfAbsent(tenant, t -> new School(t, cluster));
    }


    /** One school's holdings this pass, its share of the cluster and its queue. */
    private static final class School {

        final String tenant;
        final Cluster cluster;
        final List<QueuedLab> queue = new ArrayList<>();
        final Map<String, Integer> gpusPerKey = new HashMap<>();
        int next;
        long cpuMillis;
        long memoryMib;
        int labs;
        int gpus;

        School(String tenant, Cluster cluster) {
            this.tenant = tenant;
            this.cluster = cluster;
        }

        void hold(Demand demand) {
            cpuMillis += demand.cpuLimitMillis();
            memoryMib += demand.memoryLimitMib();
            labs++;
            if (demand.gpus() > 0) {
                gpus += demand.gpus();
                gpusPerKey.merge(demand.gpuKey(), demand.gpus(), Integer::sum);
            }
        }

        double dominantShare() {
            return Math.max(Math.max(share(cpuMillis, cluster.totalCpu), share(memoryMib, cluster.totalMemory)),
                    share(gpus, cluster.totalGpus));
        }

        private static double share(long used, long total) {
            return total == 0 ? 0 : (double) used / total;
        }

        /** What of the school's and the user's limits this demand would break; null when none. */
        Verdict quotaProblem(Demand demand, TenantLimits limit, int heldByUser) {
            if (limit == null || labs + 1 > limit.labs()) {
                return new Verdict(WaitReason.SCHOOL_LABS, "");
            }
            if (heldByUser + 1 > limit.labsPerUser()) {
                return new Verdict(WaitReason.USER_LABS, "");
            }
            if (cpuMillis + demand.cpuLimitMillis() > limit.cpuMillis()) {
                return new Verdict(WaitReason.SCHOOL_CPU, "");
            }
            if (memoryMib + demand.memoryLimitMib() > limit.memoryMib()) {
                return new Verdict(WaitReason.SCHOOL_MEMORY, "");
            }
            if (demand.gpus() > 0) {
                Integer perKey = limit.gpusPerKey().get(demand.gpuKey());
                boolean overKey = perKey != null && gpusPerKey.getOrDefault(demand.gpuKey(), 0) + demand.gpus() > perKey;
                if (overKey || gpus + demand.gpus() > limit.gpus()) {
                    return new Verdict(WaitReason.SCHOOL_GPUS, demand.gpuKey());
                }
            }
            return null;
        }
    }
}

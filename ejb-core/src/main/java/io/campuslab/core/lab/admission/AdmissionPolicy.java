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
 * Which queued labs start now. Labs of a class session that has an empty seat for them go first,
 * in request order: the session reserved their room. Then schools take turns by dominant resource
 * share: the school whose largest share of the cluster (CPU, memory or GPUs) is smallest goes next,
 * so a school running a few GPU labs does not starve one that needs CPU, and the other way round.
 * Within a school the queue is first come, first served, and a user's requests start in the order
 * they were made; a request that cannot start (quota used up, no node with room, room reserved for
 * a session) does not hold up different requests behind it that can. Every lab must fit on one node
 * as a whole. A session's lab that finds no room takes it back from labs people asked for, after a
 * warning ({@link Reservations#reclaim}).
 *
 * <p>Each queued lab is looked at once per pass: within a pass free room and quota only shrink, so a
 * lab that waits once waits to the end of the pass. A pass is linear in the queue times the nodes.
 */
public final class AdmissionPolicy {

    /** Decides a pass over one consistent snapshot without class sessions. */
    public Admission decide(List<QueuedLab> queue, List<HeldLab> held, Map<String, TenantLimits> limits,
                            List<NodeRoom> nodes) {
        return decide(queue, held, limits, nodes, List.of());
    }

    /** Decides a pass over one consistent snapshot, honouring the sessions' seats held now. */
    public Admission decide(List<QueuedLab> queue, List<HeldLab> held, Map<String, TenantLimits> limits,
                            List<NodeRoom> nodes, List<Reserved> reserved) {
        Pass pass = new Pass(limits, new Cluster(nodes), new Reservations(reserved));
        pass.hold(held);
        List<QueuedLab> inOrder = queue.stream().sorted(Comparator.comparingLong(QueuedLab::sequence)).toList();
        List<Reservations.Shortfall> shortfalls = new ArrayList<>();
        Set<Long> seated = new HashSet<>();
        for (QueuedLab lab : inOrder) {
            if (pass.seats.fill(lab.sessionOrNull())) {
                seated.add(lab.labId());
                Verdict verdict = pass.tryAdmit(lab);
                if (verdict != null) {
                    pass.seats.empty(lab.sessionOrNull());
                    shortfalls.add(new Reservations.Shortfall(lab, verdict));
                }
                pass.school(lab.tenant()).queue.add(lab);
                pass.school(lab.tenant()).next++;
            }
        }
        for (QueuedLab lab : inOrder) {
            if (!seated.contains(lab.labId())) {
                pass.school(lab.tenant()).queue.add(lab);
            }
        }
        pass.takeTurns();
        List<Long> reclaimed = Reservations.reclaim(shortfalls, held, pass.waiting);
        return new Admission(pass.admitted, pass.positions(), reclaimed);
    }

    /** The state of one pass: what is held, what is admitted, and why the rest waits. */
    private static final class Pass {

        final Map<String, TenantLimits> limits;
        final Cluster cluster;
        final Reservations seats;
        final Map<String, SchoolShare> schools = new HashMap<>();
        final Map<String, Integer> userLabs = new HashMap<>();
        final List<Admission.Admitted> admitted = new ArrayList<>();
        final Map<Long, Verdict> waiting = new HashMap<>();
        final Set<String> usersWaiting = new HashSet<>();

        Pass(Map<String, TenantLimits> limits, Cluster cluster, Reservations seats) {
            this.limits = limits;
            this.cluster = cluster;
            this.seats = seats;
        }

        SchoolShare school(String tenant) {
            return schools.computeIfAbsent(tenant, t -> new SchoolShare(t, cluster));
        }

        void hold(List<HeldLab> held) {
            for (HeldLab lab : held) {
                school(lab.tenant()).hold(lab.demand());
                userLabs.merge(lab.tenant() + "/" + lab.user(), 1, Integer::sum);
                seats.fill(lab.sessionOrNull());
                if (lab.nodeOrNull() != null) {
                    cluster.take(lab.nodeOrNull(), lab.demand());
                }
            }
            for (HeldLab lab : held) {
                if (lab.nodeOrNull() == null) {
                    cluster.bestNode(lab.demand()).ifPresent(node -> cluster.take(node, lab.demand()));
                }
            }
        }

        /** Admits the lab if it may start now; otherwise records and returns why it waits. */
        Verdict tryAdmit(QueuedLab lab) {
            SchoolShare school = school(lab.tenant());
            TenantLimits limit = limits.get(lab.tenant());
            String user = lab.tenant() + "/" + lab.user();
            Verdict decided = usersWaiting.contains(user)
                    ? new Verdict(WaitReason.BEHIND_OWN_REQUEST, "")
                    : school.quotaProblem(lab.demand(), limit, userLabs.getOrDefault(user, 0));
            if (decided == null) {
                decided = seats.problem(lab.demand(), cluster, school, limit);
            }
            String node = null;
            if (decided == null) {
                node = cluster.bestNode(lab.demand()).orElse(null);
                decided = node == null ? cluster.whyNoRoom(lab.demand()) : null;
            }
            if (decided != null) {
                waiting.put(lab.labId(), decided);
                usersWaiting.add(user);
                return decided;
            }
            cluster.take(node, lab.demand());
            school.hold(lab.demand());
            userLabs.merge(user, 1, Integer::sum);
            admitted.add(new Admission.Admitted(lab.labId(), node));
            return null;
        }

        /** Schools take turns, the one with the smallest dominant share first; one admission per turn. */
        void takeTurns() {
            PriorityQueue<SchoolShare> turns = new PriorityQueue<>(Comparator.comparingDouble(SchoolShare::dominantShare)
                    .thenComparing(s -> s.tenant));
            schools.values().stream().filter(s -> s.next < s.queue.size()).forEach(turns::add);
            while (!turns.isEmpty()) {
                SchoolShare school = turns.poll();
                while (school.next < school.queue.size()) {
                    if (tryAdmit(school.queue.get(school.next++)) == null) {
                        if (school.next < school.queue.size()) {
                            turns.add(school);
                        }
                        break;
                    }
                }
            }
        }

        /** Each waiting lab's place in its school's queue: the sessions' labs with a seat first, then request order. */
        Map<Long, Admission.Waiting> positions() {
            Map<Long, Admission.Waiting> result = new HashMap<>();
            for (SchoolShare school : schools.values()) {
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
    }
}

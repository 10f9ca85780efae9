package io.campuslab.core.lab.admission;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How many labs of one size the nodes hold beside labs already there, placed as admission places
 * them (best fit, the largest labs first). Free room summed over the nodes can be split so that no
 * single node has room for one more lab; this counts per node.
 */
public final class Packing {

    private static final Comparator<Demand> LARGEST_FIRST = Comparator.comparingInt(Demand::gpus)
            .thenComparingInt(Demand::cpuRequestMillis)
            .thenComparingInt(Demand::memoryRequestMib)
            .reversed();

    private Packing() {
    }

    /**
     * How many of {@code count} labs of the size {@code wanted} find a node once the labs
     * {@code there} are placed (a lab there that finds no node takes nothing).
     */
    public static int fit(List<NodeRoom> nodes, List<Demand> there, Demand wanted, int count) {
        Cluster cluster = new Cluster(nodes);
        there.stream().sorted(LARGEST_FIRST).forEach(demand -> cluster.bestNode(demand).ifPresent(node -> cluster.take(node, demand)));
        int placed = 0;
        while (placed < count) {
            Optional<String> node = cluster.bestNode(wanted);
            if (node.isEmpty()) {
                break;
            }
            cluster.take(node.get(), wanted);
            placed++;
        }
        return placed;
    }

    /** Whether any node carries the labels the lab needs (its GPU model). */
    public static boolean anyNodeMatches(List<NodeRoom> nodes, Demand demand) {
        return new Cluster(nodes).whyNoRoom(demand).reason() != WaitReason.NO_MATCHING_NODE;
    }
}

package io.campuslab.core.lab.admission;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The nodes' free room during one pass: what is left after the labs already placed or admitted. */
final class Cluster {

    final long totalCpu;
    final long totalMemory;
    final long totalGpus;
    private final Map<String, Free> nodes = new LinkedHashMap<>();
    private final Map<String, Long> freeGpus = new HashMap<>();
    private long freeCpu;
    private long freeMemory;

    Cluster(List<NodeRoom> rooms) {
        long cpu = 0;
        long memory = 0;
        long gpus = 0;
        for (NodeRoom room : rooms) {
            nodes.put(room.name(), new Free(room));
            cpu += room.cpuMillis();
            memory += room.memoryMib();
            gpus += room.gpus().values().stream().mapToLong(Integer::longValue).sum();
            room.gpus().forEach((key, count) -> freeGpus.merge(key, count.longValue(), Long::sum));
        }
        freeCpu = cpu;
        freeMemory = memory;
        totalCpu = cpu;
        totalMemory = memory;
        totalGpus = gpus;
    }

    void take(String node, Demand demand) {
        Free free = nodes.get(node);
        if (free != null) {
            free.cpu -= demand.cpuRequestMillis();
            free.memory -= demand.memoryRequestMib();
            freeCpu -= demand.cpuRequestMillis();
            freeMemory -= demand.memoryRequestMib();
            if (demand.gpus() > 0) {
                free.gpus.merge(demand.gpuKey(), -demand.gpus(), Integer::sum);
                freeGpus.merge(demand.gpuKey(), (long) -demand.gpus(), Long::sum);
            }
        }
    }

    /** GPUs of the key free on all nodes together. */
    long freeGpus(String key) {
        return freeGpus.getOrDefault(key, 0L);
    }

    /** CPU free for requests on all nodes together. */
    long freeCpu() {
        return freeCpu;
    }

    /** Memory free for requests on all nodes together. */
    long freeMemory() {
        return freeMemory;
    }

    /**
     * The node the demand fits best: for GPU labs the node with the fewest free GPUs of the key that
     * still suffice (whole GPU nodes stay free for large labs); for CPU labs a node without GPUs if
     * one has room, then the one with the least CPU left that suffices.
     */
    Optional<String> bestNode(Demand demand) {
        String best = null;
        long bestScore = Long.MAX_VALUE;
        for (Free free : nodes.values()) {
            if (!free.fits(demand)) {
                continue;
            }
            long score = demand.gpus() > 0
                    ? free.gpus.getOrDefault(demand.gpuKey(), 0)
                    : (free.hasGpus() ? Long.MAX_VALUE / 2 : 0) + free.cpu;
            if (score < bestScore) {
                best = free.room.name();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Why no node takes the demand: no node with its labels, no free GPU of its kind, or no room. */
    Verdict whyNoRoom(Demand demand) {
        boolean anyMatching = false;
        boolean anyGpu = false;
        for (Free free : nodes.values()) {
            if (free.matches(demand)) {
                anyMatching = true;
                anyGpu |= demand.gpus() == 0 || free.gpus.getOrDefault(demand.gpuKey(), 0) >= demand.gpus();
            }
        }
        if (!anyMatching) {
            return new Verdict(WaitReason.NO_MATCHING_NODE, String.join(",", demand.nodeSelector().values()));
        }
        if (!anyGpu) {
            return new Verdict(WaitReason.NO_FREE_GPU, gpuName(demand));
        }
        return new Verdict(WaitReason.NO_ROOM, "");
    }

    /** The GPU as people know it: the model asked for, or the models of the nodes offering the key. */
    private String gpuName(Demand demand) {
        String asked = demand.nodeSelector().get(NodeRoom.GPU_MODEL_LABEL);
        if (asked != null) {
            return asked;
        }
        String models = nodes.values().stream()
                .filter(free -> free.room.gpus().getOrDefault(demand.gpuKey(), 0) > 0)
                .map(free -> free.room.labels().get(NodeRoom.GPU_MODEL_LABEL))
                .filter(java.util.Objects::nonNull)
                .distinct().sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        return models.isEmpty() ? demand.gpuKey() : models;
    }

    /** One node's free room. */
    private static final class Free {

        final NodeRoom room;
        final Map<String, Integer> gpus;
        final boolean gpuNode;
        long cpu;
        long memory;

        Free(NodeRoom room) {
            this.room = room;
            this.gpus = new HashMap<>(room.gpus());
            this.cpu = room.cpuMillis();
            this.memory = room.memoryMib();
            this.gpuNode = room.gpus().values().stream().anyMatch(n -> n > 0);
        }

        boolean matches(Demand demand) {
            for (Map.Entry<String, String> label : demand.nodeSelector().entrySet()) {
                if (!label.getValue().equals(room.labels().get(label.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        boolean fits(Demand demand) {
            return matches(demand) && cpu >= demand.cpuRequestMillis() && memory >= demand.memoryRequestMib()
                    && (demand.gpus() == 0 || gpus.getOrDefault(demand.gpuKey(), 0) >= demand.gpus());
        }

        boolean hasGpus() {
            return gpuNode;
        }
    }
}

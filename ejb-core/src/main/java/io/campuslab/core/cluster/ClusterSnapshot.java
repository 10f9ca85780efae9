package io.campuslab.core.cluster;

import java.util.List;
import java.util.Map;

/**
 * What one scheduler pass sees of the cluster, read in one call per kind: the nodes, the room they
 * have left for labs after every other workload, and CampusLab's lab pods.
 *
 * @param roomForLabs per node: allocatable minus what pods that are not CampusLab's request
 * @param schoolPolicies per school namespace: the fingerprint of the {@link SchoolPolicy} its objects carry
 */
public record ClusterSnapshot(List<ClusterNode> nodes, Map<String, ClusterNode> roomForLabs, List<ObservedPod> labPods,
                              Map<String, String> schoolPolicies) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        roomForLabs = Map.copyOf(roomForLabs);
        labPods = List.copyOf(labPods);
        schoolPolicies = Map.copyOf(schoolPolicies);
    }
}

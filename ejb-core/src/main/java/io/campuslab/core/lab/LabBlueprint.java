package io.campuslab.core.lab;

import java.util.List;
import java.util.Map;

/**
 * Everything a lab needs on the cluster, decided by CampusLab and described without Kubernetes
 * types: where it lives, what runs, what it may use, what it sees, and how it is reached. The
 * Kubernetes adapter turns it into a pod, a service and a secret.
 *
 * @param name          the name of the lab's pod, service and secret ({@code lab-<id>})
 * @param namespace     the school's namespace
 * @param username      the owner's user name, exactly
 * @param ports         the template's named ports
 * @param nodeSelector  labels the node must carry (a GPU model)
 * @param volumes       workspace, course material, datasets and the template's extra folders
 * @param shmMib        size of {@code /dev/shm} in memory; 0 for the container's default
 * @param nodePort      a NodePort service (one box) or a ClusterIP one behind an Ingress (a cluster)
 */
public record LabBlueprint(String name, String namespace, long labId, String tenant, String username, String template,
                           String image, List<String> command, List<String> args, List<Port> ports,
                           int cpuLimitMillis, int memoryLimitMib, int cpuRequestMillis, int memoryRequestMib,
                           int gpus, String gpuKey, Map<String, String> nodeSelector,
                           List<Volume> volumes, int shmMib, boolean nodePort) {

    public LabBlueprint {
        command = List.copyOf(command);
        args = List.copyOf(args);
        ports = List.copyOf(ports);
        nodeSelector = Map.copyOf(nodeSelector);
        volumes = List.copyOf(volumes);
    }

    /** A named port of the lab. */
    public record Port(String name, int port) {
    }

    /**
     * A folder the lab sees: a host folder, or (for workspaces in cluster mode) a persistent volume
     * claim; read-only unless said otherwise.
     */
    public record Volume(String name, String hostPathOrNull, String claimOrNull, String mountPath, boolean readOnly) {

        public static Volume host(String name, String hostPath, String mountPath, boolean readOnly) {
            return new Volume(name, hostPath, null, mountPath, readOnly);
        }

        public static Volume claim(String name, String claim, String mountPath) {
            return new Volume(name, null, claim, mountPath, false);
        }
    }
}

package io.campuslab.core.cluster;

import io.campuslab.domain.catalog.RunAs;
import java.util.List;
import java.util.Map;

/**
 * Everything a lab needs on the cluster, decided by CampusLab and described without Kubernetes
 * types: where it lives, what runs, what it may use, what it sees, and how it is reached. The
 * Kubernetes adapter turns it into a pod, a ClusterIP service (reached only through the portal's lab
 * gateway) and a secret.
 *
 * @param name          the name of the lab's pod, service and secret ({@code lab-<id>})
 * @param namespace     the school's namespace
 * @param username      the owner's user name, exactly
 * @param ports         the template's named ports
 * @param nodeSelector  labels the node must carry (a GPU model)
 * @param volumes       workspace, course material, datasets and the template's extra folders
 * @param shmMib        size of {@code /dev/shm} in memory; 0 for the container's default
 * @param basePath      the path the lab is served at through the gateway ({@code /labs/<key>/}, or {@code /}
 *                      on its own host), given to the lab as {@code CAMPUSLAB_BASE_URL}
 * @param workspaceClaimOrNull the student's workspace claim, created if missing; null when workspaces are host folders
 */
public record LabBlueprint(String name, String namespace, long labId, String tenant, String username, String template,
                           String image, List<String> command, List<String> args, List<Port> ports,
                           int cpuLimitMillis, int memoryLimitMib, int cpuRequestMillis, int memoryRequestMib,
                           int gpus, String gpuKey, Map<String, String> nodeSelector,
                           List<Volume> volumes, int shmMib, String basePath, Claim workspaceClaimOrNull, RunAs runAs) {

    public LabBlueprint {
        runAs = runAs == null ? RunAs.DEFAULT : runAs;
        command = List.copyOf(command);
        args = List.copyOf(args);
        ports = List.copyOf(ports);
        nodeSelector = Map.copyOf(nodeSelector);
        volumes = List.copyOf(volumes);
        basePath = basePath == null ? "/" : basePath;
    }

    /** A lab whose image runs as the catalog's default user (1000:100). */
    public LabBlueprint(String name, String namespace, long labId, String tenant, String username, String template,
                        String image, List<String> command, List<String> args, List<Port> ports,
                        int cpuLimitMillis, int memoryLimitMib, int cpuRequestMillis, int memoryRequestMib,
                        int gpus, String gpuKey, Map<String, String> nodeSelector,
                        List<Volume> volumes, int shmMib, String basePath, Claim workspaceClaimOrNull) {
        this(name, namespace, labId, tenant, username, template, image, command, args, ports, cpuLimitMillis, memoryLimitMib,
                cpuRequestMillis, memoryRequestMib, gpus, gpuKey, nodeSelector, volumes, shmMib, basePath, workspaceClaimOrNull,
                RunAs.DEFAULT);
    }

    /** A student's workspace claim: kept when labs stop, shared by all the student's labs. */
    public record Claim(String name, String storageClassOrNull, int sizeGib) {

        /**
         * The claim of a student: its name is a readable, DNS-valid form of the user name and a
         * digest of the exact name, so that two names that read alike never share a workspace.
         */
        public static Claim of(String username, String storageClassOrNull, int sizeGib) {
            String readable = username.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            readable = readable.length() > 40 ? readable.substring(0, 40).replaceAll("-+$", "") : readable;
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                String name = "workspace-" + (readable.isEmpty() ? "" : readable + "-")
                        + java.util.HexFormat.of().formatHex(digest, 0, 4);
                return new Claim(name, storageClassOrNull, sizeGib);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform has SHA-256", e);
            }
        }
    }

    /** A named port of the lab. */
    public record Port(String name, int port) {
    }

    /**
     * A folder the lab sees: a host folder (single-machine storage), or in cluster storage a persistent
     * volume claim or a folder inside one ({@code subPathOrNull}); read-only unless said otherwise.
     */
    public record Volume(String name, String hostPathOrNull, String claimOrNull, String subPathOrNull, String mountPath,
                         boolean readOnly) {

        public static Volume host(String name, String hostPath, String mountPath, boolean readOnly) {
            return new Volume(name, hostPath, null, null, mountPath, readOnly);
        }

        /** A whole claim, writable: a student's workspace. */
        public static Volume claim(String name, String claim, String mountPath) {
            return new Volume(name, null, claim, null, mountPath, false);
        }

        /** A folder inside a claim (or the whole claim for an empty sub-path), read-only: the school's files. */
        public static Volume claimFolder(String name, String claim, String subPath, String mountPath) {
            return new Volume(name, null, claim, subPath == null || subPath.isEmpty() ? null : subPath, mountPath, true);
        }
    }
}

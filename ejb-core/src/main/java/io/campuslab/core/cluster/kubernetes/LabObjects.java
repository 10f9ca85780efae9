package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.LabBlueprint;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.campuslab.core.cluster.LabAccess;
import io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A lab's objects on the cluster, built from its blueprint: the pod (limits and requests with the
 * GPU key, the folders it sees, shared memory, a hardened security context — never root, the
 * template's UID and GID, no privilege escalation, no capabilities, RuntimeDefault seccomp, no host
 * namespaces, no service account token —, the GPU model's node selector), the service its ports are reached through, and the secret holding its access token.
 * Pure: the same blueprint gives the same objects, which the tests compare with golden files.
 */
public final class LabObjects {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String CAMPUSLAB = "campuslab";
    public static final String TENANT = "campuslab.io/tenant";
    public static final String LAB = "campuslab.io/lab";
    public static final String USER = "campuslab.io/user";
    public static final String USERNAME = "campuslab.io/username";
    public static final String TOKEN_KEY = "token";

    private LabObjects() {
    }

    /** The labels every object of the lab carries, and the pod selector of its service. */
    public static Map<String, String> labels(LabBlueprint lab) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, CAMPUSLAB);
        labels.put("app.kubernetes.io/name", lab.template());
        labels.put(TENANT, lab.tenant());
        labels.put(LAB, Long.toString(lab.labId()));
        labels.put(USER, labelValue(lab.username()));
        return labels;
    }

    public static V1Pod pod(LabBlueprint lab) {
        V1Container container = new V1Container()
                .name("lab")
                .image(lab.image())
                .imagePullPolicy("IfNotPresent")
                .command(lab.command().isEmpty() ? null : lab.command())
                .args(lab.args().isEmpty() ? null : lab.args())
                .ports(lab.ports().stream().map(p -> new V1ContainerPort().name(p.name()).containerPort(p.port())
                        .protocol("TCP")).toList())
                .env(List.of(tokenVariable("CAMPUSLAB_TOKEN", lab), tokenVariable("JUPYTER_TOKEN", lab),
                        new V1EnvVar().name("CAMPUSLAB_BASE_URL").value(lab.basePath())))
                .readinessProbe(answering(lab))
                .resources(resources(lab))
                .volumeMounts(mounts(lab))
                .securityContext(new V1SecurityContext()
                        .runAsNonRoot(true)
                        .readOnlyRootFilesystem(lab.runAs().readOnlyRoot() ? Boolean.TRUE : null)
                        .allowPrivilegeEscalation(false)
                        .privileged(false)
                        .capabilities(new V1Capabilities().drop(List.of("ALL"))));
        V1PodSpec spec = new V1PodSpec()
                .containers(List.of(container))
                .volumes(volumes(lab))
                .restartPolicy("Always")
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .terminationGracePeriodSeconds(30L)
                .nodeSelector(lab.nodeSelector().isEmpty() ? null : new TreeMap<>(lab.nodeSelector()))
                .hostNetwork(false)
                .hostPID(false)
                .hostIPC(false)
                .securityContext(new V1PodSecurityContext()
                        .runAsNonRoot(true)
                        .runAsUser((long) lab.runAs().uid())
                        .runAsGroup((long) lab.runAs().gid())
                        .fsGroup((long) lab.runAs().gid())
                        .seccompProfile(new V1SeccompProfile().type("RuntimeDefault")));
        // the client's model starts with an empty overhead map, which the API's RuntimeClass admission
        // reads as "overhead set" and refuses for a pod without a RuntimeClass: no overhead at all
        spec.setOverhead(null);
        return new V1Pod().apiVersion("v1").kind("Pod").metadata(metadata(lab, lab.name())).spec(spec);
    }

    /**
     * Ready once the lab's first port takes connections: a lab server needs seconds after its container
     * started, and the lab is RUNNING (and opened through the gateway) only when it answers. The same
     * probe tells the gateway, through the EndpointSlice, when a lab server stopped answering.
     */
    private static V1Probe answering(LabBlueprint lab) {
        if (lab.ports().isEmpty()) {
            return null;
        }
        return new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString(lab.ports().get(0).name())))
                .periodSeconds(2).timeoutSeconds(1).successThreshold(1).failureThreshold(3);
    }

    public static V1Service service(LabBlueprint lab) {
        V1ServiceSpec spec = new V1ServiceSpec()
                .type("ClusterIP")
                .selector(new TreeMap<>(Map.of(LAB, Long.toString(lab.labId()), MANAGED_BY, CAMPUSLAB)))
                .ports(lab.ports().stream().map(p -> new V1ServicePort().name(p.name()).port(p.port())
                        .targetPort(new IntOrString(p.name())).protocol("TCP")).toList());
        return new V1Service().apiVersion("v1").kind("Service").metadata(metadata(lab, lab.name())).spec(spec);
    }

    /** The student's workspace claim: labelled with school and user, not with a lab, as it outlives every lab. */
    public static V1PersistentVolumeClaim workspaceClaim(LabBlueprint lab) {
        LabBlueprint.Claim claim = lab.workspaceClaimOrNull();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, CAMPUSLAB);
        labels.put(TENANT, lab.tenant());
        labels.put(USER, labelValue(lab.username()));
        return new V1PersistentVolumeClaim().apiVersion("v1").kind("PersistentVolumeClaim")
                .metadata(new V1ObjectMeta().name(claim.name()).namespace(lab.namespace()).labels(labels)
                        .annotations(Map.of(USERNAME, lab.username())))
                .spec(new V1PersistentVolumeClaimSpec().accessModes(List.of("ReadWriteOnce"))
                        .storageClassName(claim.storageClassOrNull())
                        .resources(new V1VolumeResourceRequirements()
                                .requests(Map.of("storage", Quantity.fromString(claim.sizeGib() + "Gi")))));
    }

    /**
     * The ready address of each named port of a lab's service, from its EndpointSlices: the first
     * ready endpoint's address with the slice's port of that name.
     */
    public static Map<String, LabAccess.Endpoint> readyEndpoints(List<V1EndpointSlice> slices) {
        Map<String, LabAccess.Endpoint> found = new LinkedHashMap<>();
        for (V1EndpointSlice slice : slices == null ? List.<V1EndpointSlice>of() : slices) {
            if (slice.getEndpoints() == null || slice.getPorts() == null) {
                continue;
            }
            for (V1Endpoint endpoint : slice.getEndpoints()) {
                boolean ready = endpoint.getConditions() == null || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
                if (!ready || endpoint.getAddresses() == null || endpoint.getAddresses().isEmpty()) {
                    continue;
                }
                for (DiscoveryV1EndpointPort port : slice.getPorts()) {
                    if (port.getName() != null && port.getPort() != null) {
                        found.putIfAbsent(port.getName(), new LabAccess.Endpoint(endpoint.getAddresses().get(0), port.getPort()));
                    }
                }
            }
        }
        return found;
    }

    /** The secret holding the lab's access token; the token never appears in labels, logs or the database. */
    public static V1Secret secret(LabBlueprint lab, String token) {
        return new V1Secret().apiVersion("v1").kind("Secret").metadata(metadata(lab, lab.name()))
                .type("Opaque").stringData(Map.of(TOKEN_KEY, token));
    }

    /** The token in a lab's secret, as the API returns it (base64 data) or as it was written (string data). */
    public static Optional<String> token(V1Secret secret) {
        if (secret.getData() != null && secret.getData().get(TOKEN_KEY) != null) {
            return Optional.of(new String(secret.getData().get(TOKEN_KEY), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (secret.getStringData() != null && secret.getStringData().get(TOKEN_KEY) != null) {
            return Optional.of(secret.getStringData().get(TOKEN_KEY));
        }
        return Optional.empty();
    }

    private static V1ObjectMeta metadata(LabBlueprint lab, String name) {
        return new V1ObjectMeta().name(name).namespace(lab.namespace()).labels(labels(lab))
                .annotations(Map.of(USERNAME, lab.username()));
    }

    private static V1EnvVar tokenVariable(String name, LabBlueprint lab) {
        return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource()
                .secretKeyRef(new V1SecretKeySelector().name(lab.name()).key(TOKEN_KEY)));
    }

    private static V1ResourceRequirements resources(LabBlueprint lab) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        limits.put("cpu", Quantity.fromString(lab.cpuLimitMillis() + "m"));
        limits.put("memory", Quantity.fromString(lab.memoryLimitMib() + "Mi"));
        Map<String, Quantity> requests = new LinkedHashMap<>();
        requests.put("cpu", Quantity.fromString(lab.cpuRequestMillis() + "m"));
        requests.put("memory", Quantity.fromString(lab.memoryRequestMib() + "Mi"));
        if (lab.gpus() > 0) {
            limits.put(lab.gpuKey(), Quantity.fromString(Integer.toString(lab.gpus())));
            requests.put(lab.gpuKey(), Quantity.fromString(Integer.toString(lab.gpus())));
        }
        return new V1ResourceRequirements().limits(limits).requests(requests);
    }

    private static List<V1Volume> volumes(LabBlueprint lab) {
        List<V1Volume> volumes = new ArrayList<>();
        for (LabBlueprint.Volume volume : lab.volumes()) {
            V1Volume v = new V1Volume().name(volume.name());
            if (volume.claimOrNull() != null) {
                v.persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource().claimName(volume.claimOrNull())
                        .readOnly(volume.readOnly() ? Boolean.TRUE : null));
            } else {
                // DirectoryOrCreate: a school without courses or datasets yet still gets its lab
                v.hostPath(new V1HostPathVolumeSource().path(volume.hostPathOrNull()).type("DirectoryOrCreate"));
            }
            volumes.add(v);
        }
        if (lab.runAs().readOnlyRoot()) {
            volumes.add(new V1Volume().name("tmp").emptyDir(new V1EmptyDirVolumeSource()));
        }
        if (lab.shmMib() > 0) {
            volumes.add(new V1Volume().name("shm").emptyDir(new V1EmptyDirVolumeSource().medium("Memory")
                    .sizeLimit(Quantity.fromString(lab.shmMib() + "Mi"))));
        }
        return volumes;
    }

    private static List<V1VolumeMount> mounts(LabBlueprint lab) {
        List<V1VolumeMount> mounts = new ArrayList<>();
        for (LabBlueprint.Volume volume : lab.volumes()) {
            mounts.add(new V1VolumeMount().name(volume.name()).mountPath(volume.mountPath()).readOnly(volume.readOnly())
                    .subPath(volume.subPathOrNull()));
        }
        if (lab.runAs().readOnlyRoot()) {
            mounts.add(new V1VolumeMount().name("tmp").mountPath("/tmp"));
        }
        if (lab.shmMib() > 0) {
            mounts.add(new V1VolumeMount().name("shm").mountPath("/dev/shm"));
        }
        return mounts;
    }

    /**
     * A user name as a label value: at most 63 characters of letters, digits, {@code -}, {@code _}
     * and {@code .}, beginning and ending with a letter or digit. The exact name is an annotation.
     */
    static String labelValue(String username) {
        String value = username.replaceAll("[^A-Za-z0-9_.-]", "_");
        value = value.length() > 63 ? value.substring(0, 63) : value;
        return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }
}

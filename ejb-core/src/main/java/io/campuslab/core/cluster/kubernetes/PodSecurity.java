package io.campuslab.core.cluster.kubernetes;

import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards) as Pod
 * Security Admission applies them to a pod's spec: what keeps a pod from the baseline and the
 * restricted level. Pure, so that every pod the catalog can produce is checked without a cluster, and
 * so that a school's namespace is labelled with the level its labs meet.
 */
public final class PodSecurity {

    /** The levels, from the most open to the most locked down. */
    public enum Level {
        PRIVILEGED, BASELINE, RESTRICTED;

        /** The value of the {@code pod-security.kubernetes.io/*} labels. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    public static final String WARN = "pod-security.kubernetes.io/warn";
    public static final String AUDIT = "pod-security.kubernetes.io/audit";

    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    private PodSecurity() {
    }

    /** The most locked-down level the pod meets. */
    public static Level levelOf(V1Pod pod) {
        if (!violations(pod, Level.BASELINE).isEmpty()) {
            return Level.PRIVILEGED;
        }
        return violations(pod, Level.RESTRICTED).isEmpty() ? Level.RESTRICTED : Level.BASELINE;
    }

    /** What keeps the pod from the level, in words close to Pod Security Admission's; empty when it meets it. */
    public static List<String> violations(V1Pod pod, Level level) {
        List<String> found = new ArrayList<>();
        if (level == Level.PRIVILEGED) {
            return found;
        }
        V1PodSpec spec = pod.getSpec();
        V1PodSecurityContext podContext = spec.getSecurityContext();
        if (Boolean.TRUE.equals(spec.getHostNetwork()) || Boolean.TRUE.equals(spec.getHostPID())
                || Boolean.TRUE.equals(spec.getHostIPC())) {
            found.add("host namespaces");
        }
        for (V1Volume volume : nullSafe(spec.getVolumes())) {
            if (volume.getHostPath() != null) {
                found.add("hostPath volume \"" + volume.getName() + "\"");
            }
        }
        if (podContext != null && podContext.getSeccompProfile() != null
                && "Unconfined".equals(podContext.getSeccompProfile().getType())) {
            found.add("seccomp profile Unconfined");
        }
        List<V1Container> containers = new ArrayList<>(nullSafe(spec.getContainers()));
        containers.addAll(nullSafe(spec.getInitContainers()));
        for (V1Container container : containers) {
            baseline(container, found);
        }
        if (level == Level.RESTRICTED) {
            restricted(spec, podContext, containers, found);
        }
        return found;
    }

    private static void baseline(V1Container container, List<String> found) {
        V1SecurityContext context = container.getSecurityContext();
        String name = "container \"" + container.getName() + "\"";
        if (context != null && Boolean.TRUE.equals(context.getPrivileged())) {
            found.add(name + " is privileged");
        }
        if (context != null && context.getCapabilities() != null) {
            for (String added : nullSafe(context.getCapabilities().getAdd())) {
                if (!BASELINE_CAPABILITIES.contains(added)) {
                    found.add(name + " adds capability " + added);
                }
            }
        }
        if (context != null && context.getSeccompProfile() != null && "Unconfined".equals(context.getSeccompProfile().getType())) {
            found.add(name + " has seccomp profile Unconfined");
        }
        if (context != null && context.getProcMount() != null && !"Default".equals(context.getProcMount())) {
            found.add(name + " has procMount " + context.getProcMount());
        }
        for (V1ContainerPort port : nullSafe(container.getPorts())) {
            if (port.getHostPort() != null && port.getHostPort() != 0) {
                found.add(name + " has hostPort " + port.getHostPort());
            }
        }
    }

    private static void restricted(V1PodSpec spec, V1PodSecurityContext podContext, List<V1Container> containers,
                                   List<String> found) {
        for (V1Volume volume : nullSafe(spec.getVolumes())) {
            boolean allowed = volume.getConfigMap() != null || volume.getCsi() != null || volume.getDownwardAPI() != null
                    || volume.getEmptyDir() != null || volume.getEphemeral() != null || volume.getPersistentVolumeClaim() != null
                    || volume.getProjected() != null || volume.getSecret() != null;
            if (!allowed) {
                found.add("volume \"" + volume.getName() + "\" of a restricted type");
            }
        }
        boolean podNonRoot = podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot());
        boolean podSeccomp = podContext != null && confined(podContext.getSeccompProfile());
        if (podContext != null && podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
            found.add("runAsUser 0");
        }
        for (V1Container container : containers) {
            V1SecurityContext context = container.getSecurityContext();
            String name = "container \"" + container.getName() + "\"";
            if (context == null || !Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                found.add(name + " may escalate privileges");
            }
            boolean nonRoot = context != null && context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podNonRoot;
            if (!nonRoot) {
                found.add(name + " may run as root");
            }
            if (context != null && context.getRunAsUser() != null && context.getRunAsUser() == 0) {
                found.add(name + " runs as user 0");
            }
            boolean seccomp = context != null && context.getSeccompProfile() != null ? confined(context.getSeccompProfile()) : podSeccomp;
            if (!seccomp) {
                found.add(name + " has no RuntimeDefault or Localhost seccomp profile");
            }
            V1Capabilities capabilities = context == null ? null : context.getCapabilities();
            if (capabilities == null || !nullSafe(capabilities.getDrop()).contains("ALL")) {
                found.add(name + " does not drop ALL capabilities");
            }
            if (capabilities != null && nullSafe(capabilities.getAdd()).stream().anyMatch(c -> !"NET_BIND_SERVICE".equals(c))) {
                found.add(name + " adds capabilities beyond NET_BIND_SERVICE");
            }
        }
    }

    private static boolean confined(V1SeccompProfile profile) {
        return profile != null && ("RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType()));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package io.campuslab.devcluster;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduler and kubelets of the simulated cluster, in one loop: a pending pod is bound to the
 * first node with room for its requests (CPU, memory, extended resources such as GPUs) whose labels
 * match its node selector, and runs a moment later; a pod nothing fits stays Pending with an
 * Unschedulable condition saying why, as the real scheduler says it; an image whose reference
 * contains {@code fail-pull} never pulls. Deleted pods free their room at once.
 */
final class SimulatedKubelet implements Runnable {

    private static final Logger LOG = Logger.getLogger(SimulatedKubelet.class.getName());
    static final String FAILING_IMAGE_MARK = "fail-pull";
    /** An image whose reference contains this runs but its server never listens (on a real control plane's nodes). */
    static final String SILENT_IMAGE_MARK = "no-answer";

    private final KubernetesClient client;
    private final Duration startDelay;
    private final Clock clock;
    private final LabPages pages;

    SimulatedKubelet(KubernetesClient client, Duration startDelay, Clock clock) {
        this.client = client;
        this.startDelay = startDelay;
        this.clock = clock;
        this.pages = new LabPages(client);
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pass();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (KubernetesClientException e) {
                // a pod deleted or changed by the portal between the list and the update: the next pass sees it anew
                LOG.log(Level.FINE, "Simulated kubelet pass met a change; trying again", e);
            }
        }
        pages.close();
    }

    /** One look at every pod: bind what fits, start what is bound and due; and the pages of every lab that runs. */
    void pass() {
        List<Node> nodes = client.nodes().list().getItems();
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        pages.pass(client.services().inAnyNamespace().list().getItems(), pods);
        Map<String, Map<String, BigDecimal>> used = new HashMap<>();
        for (Pod pod : pods) {
            if (pod.getSpec().getNodeName() != null && !finished(pod)) {
                add(used.computeIfAbsent(pod.getSpec().getNodeName(), n -> new HashMap<>()), requests(pod));
            }
        }
        for (Pod pod : pods) {
            if (pod.getMetadata().getDeletionTimestamp() != null || finished(pod)) {
                continue;
            }
            if (pod.getSpec().getNodeName() == null) {
                bind(pod, nodes, used);
            } else if (!"Running".equals(phase(pod))) {
                start(pod);
            }
        }
    }

    private void bind(Pod pod, List<Node> nodes, Map<String, Map<String, BigDecimal>> used) {
        Map<String, BigDecimal> wanted = requests(pod);
        Map<String, Integer> shortOf = new java.util.TreeMap<>();
        int unmatched = 0;
        for (Node node : nodes) {
            if (!matches(pod, node)) {
                unmatched++;
                continue;
            }
            Map<String, BigDecimal> free = free(node, used.getOrDefault(node.getMetadata().getName(), Map.of()));
            String missing = missing(wanted, free);
            if (missing == null) {
                String name = node.getMetadata().getName();
                add(used.computeIfAbsent(name, n -> new HashMap<>()), wanted);
                pod.getSpec().setNodeName(name);
                pod.setStatus(status("Pending", List.of(condition("PodScheduled", "True", null, null)), false, pod));
                client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).update();
                return;
            }
            shortOf.merge(missing, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        shortOf.forEach((resource, count) -> parts.add(count + " Insufficient " + resource));
        if (unmatched > 0) {
            parts.add(unmatched + " node(s) didn't match Pod's node affinity/selector");
        }
        String message = "0/" + nodes.size() + " nodes are available: " + String.join(", ", parts) + ".";
        PodStatus status = status("Pending", List.of(condition("PodScheduled", "False", "Unschedulable", message)), false, pod);
        if (!status.getConditions().equals(pod.getStatus() == null ? null : pod.getStatus().getConditions())) {
            pod.setStatus(status);
            client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).update();
        }
    }

    private void start(Pod pod) {
        String created = pod.getMetadata().getCreationTimestamp();
        Instant scheduled = created == null ? Instant.EPOCH : Instant.parse(created);
        if (clock.instant().isBefore(scheduled.plus(startDelay))) {
            return;
        }
        boolean failing = pod.getSpec().getContainers().stream().anyMatch(c -> c.getImage().contains(FAILING_IMAGE_MARK));
        if (failing) {
            if (pod.getStatus() != null && !pod.getStatus().getContainerStatuses().isEmpty()) {
                return;
            }
            pod.setStatus(status("Pending", List.of(condition("PodScheduled", "True", null, null),
                    condition("Ready", "False", "ContainersNotReady", "containers with unready status: [lab]")), false, pod));
        } else {
            pod.setStatus(status("Running", List.of(condition("PodScheduled", "True", null, null),
                    condition("Initialized", "True", null, null), condition("ContainersReady", "True", null, null),
                    condition("Ready", "True", null, null)), true, pod));
        }
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).update();
    }

    private PodStatus status(String phase, List<PodCondition> conditions, boolean running, Pod pod) {
        PodStatusBuilder status = new PodStatusBuilder().withPhase(phase).withConditions(conditions)
                .withQosClass("Burstable");
        if (pod.getSpec().getNodeName() != null && "Running".equals(phase)) {
            status.withHostIP("10.0.0." + (Math.abs(pod.getSpec().getNodeName().hashCode()) % 200 + 1))
                    .withPodIP("10.244." + (Math.abs(pod.getMetadata().getName().hashCode()) % 250) + ".10")
                    .withStartTime(clock.instant().toString());
        }
        if (pod.getSpec().getNodeName() != null && !conditions.isEmpty() && conditions.size() > 1) {
            pod.getSpec().getContainers().forEach(c -> {
                ContainerStatusBuilder container = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                        .withImageID(running ? c.getImage() + "@sha256:" + "0".repeat(64) : "")
                        .withReady(running).withRestartCount(0).withStarted(running);
                if (running) {
                    container.withContainerID("containerd://" + java.util.UUID.nameUUIDFromBytes(
                            pod.getMetadata().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", ""));
                }
                if (running) {
                    container.withNewState().withNewRunning().withStartedAt(clock.instant().toString()).endRunning().endState();
                } else {
                    container.withNewState().withNewWaiting().withReason("ImagePullBackOff")
                            .withMessage("Back-off pulling image \"" + c.getImage() + "\"").endWaiting().endState();
                }
                status.addToContainerStatuses(container.build());
            });
        }
        return status.build();
    }

    private static PodCondition condition(String type, String status, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
    }

    private static boolean matches(Pod pod, Node node) {
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        Map<String, String> labels = node.getMetadata().getLabels();
        return selector == null || selector.entrySet().stream()
                .allMatch(e -> labels != null && e.getValue().equals(labels.get(e.getKey())));
    }

    private static Map<String, BigDecimal> free(Node node, Map<String, BigDecimal> used) {
        Map<String, BigDecimal> free = new HashMap<>();
        node.getStatus().getAllocatable().forEach((resource, amount) ->
                free.put(resource, Quantity.getAmountInBytes(amount).subtract(used.getOrDefault(resource, BigDecimal.ZERO))));
        return free;
    }

    private static String missing(Map<String, BigDecimal> wanted, Map<String, BigDecimal> free) {
        for (Map.Entry<String, BigDecimal> want : wanted.entrySet()) {
            if (free.getOrDefault(want.getKey(), BigDecimal.ZERO).compareTo(want.getValue()) < 0) {
                return want.getKey();
            }
        }
        return null;
    }

    private static Map<String, BigDecimal> requests(Pod pod) {
        Map<String, BigDecimal> total = new HashMap<>();
        pod.getSpec().getContainers().forEach(c -> {
            if (c.getResources() != null && c.getResources().getRequests() != null) {
                c.getResources().getRequests().forEach((r, q) -> total.merge(r, Quantity.getAmountInBytes(q), BigDecimal::add));
            }
        });
        return total;
    }

    private static void add(Map<String, BigDecimal> used, Map<String, BigDecimal> more) {
        more.forEach((r, q) -> used.merge(r, q, BigDecimal::add));
    }

    private static boolean finished(Pod pod) {
        String phase = phase(pod);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }
}

package io.campuslab.devcluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nodes of a real control plane, simulated as kwok simulates them: clients of the API server
 * that register the {@link SimulatedNodes}, renew their leases and Ready condition, and play the
 * kubelet for the pods the real scheduler bound to them. A bound pod is "pulled and started" after
 * the start delay: its status is written through the status subresource with pull and start times
 * and an address of its own ({@link PodNetwork}), where {@link LabPages} serves the lab on the
 * container's ports, found as on a real cluster through the EndpointSlices the controller manager
 * writes. A pod with a TCP readiness probe is Ready only while its port takes connections, as the
 * kubelet probes it. An image whose reference contains {@code fail-pull} never pulls; one containing
 * {@code no-answer} runs, but nothing listens on its ports. A pod being deleted is
 * removed once its containers "stopped", as a kubelet confirms a graceful deletion.
 *
 * <p>It is also the cluster's volume provisioner {@value #PROVISIONER}: a claim of any StorageClass of
 * it (the default one, {@value #STORAGE_CLASS}, or one a test or an operator adds) gets a
 * PersistentVolume (the controller manager binds the two), deleted again when the claim is gone. A
 * claim of a class nobody provisions stays Pending, as on a real cluster.
 */
final class NodeAgents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeAgents.class.getName());
    static final String STORAGE_CLASS = "campuslab-simulated";
    static final String PROVISIONER = "campuslab.io/simulated";
    private static final Duration LEASE_TERM = Duration.ofSeconds(40);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final Duration startDelay;
    private final Clock clock;
    private final LabPages pages;
    private final Set<String> nodeNames = new HashSet<>();
    private final Map<String, String> addresses = new ConcurrentHashMap<>();
    private final Set<String> usedAddresses = ConcurrentHashMap.newKeySet();
    /** When each running pod's readiness is probed next, and its misses in a row, by pod uid. */
    private final Map<String, Instant> nextProbe = new HashMap<>();
    private final Map<String, Integer> probeMisses = new HashMap<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private SharedIndexInformer<Pod> pods;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<PersistentVolumeClaim> claims;
    private SharedIndexInformer<PersistentVolume> volumes;
    private SharedIndexInformer<io.fabric8.kubernetes.api.model.storage.StorageClass> storageClasses;
    private Thread loop;
    private Instant renewed = Instant.EPOCH;
    private int nextAddress;

    NodeAgents(KubernetesClient client, Duration startDelay, Clock clock) {
        this.client = client;
        this.startDelay = startDelay;
        this.clock = clock;
        this.pages = LabPages.onPodAddresses(client);
    }

    /** Registers the nodes and the storage class, then runs until closed. */
    void start() {
        for (Node node : SimulatedNodes.standard()) {
            nodeNames.add(node.getMetadata().getName());
            client.nodes().resource(node).createOr(existing -> existing.patch());
            // a node's status is written through its status subresource, as a kubelet writes it
            node.getStatus().setConditions(conditions(clock.instant()));
            patchStatus(node.getMetadata().getName(), Map.of("status", node.getStatus()));
        }
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(STORAGE_CLASS)
                        .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata()
                        .withProvisioner(PROVISIONER).withReclaimPolicy("Delete").withVolumeBindingMode("Immediate").build())
                .createOr(existing -> existing.patch());
        pods = client.pods().inAnyNamespace().inform();
        services = client.services().inAnyNamespace().inform();
        claims = client.persistentVolumeClaims().inAnyNamespace().inform();
        volumes = client.persistentVolumes().inform();
        storageClasses = client.storage().v1().storageClasses().inform();
        informers.addAll(List.of(pods, services, claims, volumes, storageClasses));
        // pods that ran before a restart keep their addresses
        for (Pod pod : pods.getStore().list()) {
            if (pod.getStatus() != null && pod.getStatus().getPodIP() != null && pod.getStatus().getPodIP().startsWith("198.1")) {
                addresses.put(pod.getMetadata().getUid(), pod.getStatus().getPodIP());
                usedAddresses.add(pod.getStatus().getPodIP());
            }
        }
        loop = new Thread(this::run, "dev-cluster-nodes");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        informers.forEach(SharedIndexInformer::close);
        pages.close();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pass();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (KubernetesClientException e) {
                // an object changed between the look and the write: the next pass sees it anew
                LOG.log(Level.FINE, "Simulated nodes met a change; trying again", e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Simulated nodes' pass failed; trying again", e);
                sleepQuietly();
            }
        }
    }

    /** One look at the cached pods, claims and volumes; writes only what changes. */
    void pass() {
        Instant now = clock.instant();
        if (Duration.between(renewed, now).compareTo(RENEW_EVERY) >= 0) {
            renewNodes(now);
            renewed = now;
        }
        List<Pod> all = pods.getStore().list();
        for (Pod pod : all) {
            String node = pod.getSpec().getNodeName();
            if (node == null || !nodeNames.contains(node)) {
                continue;
            }
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                remove(pod);
            } else if (pod.getStatus() == null || pod.getStatus().getStartTime() == null || !started(pod)) {
                start(pod, now);
            }
        }
        forgetAddressesOfGonePods(all);
        provisionVolumes();
        pages.pass(services.getStore().list(), all);
        probeReadiness(all, now);
    }

    /**
     * The kubelet's readiness probes, for a TCP probe (what labs have): a running pod is Ready once
     * its port takes a connection and unready after the probe's failure threshold of misses in a row,
     * each probe a period after the last. A pod without a probe is Ready as soon as it runs.
     */
    private void probeReadiness(List<Pod> all, Instant now) {
        for (Pod pod : all) {
            Optional<Probe> probe = readinessProbe(pod);
            String uid = pod.getMetadata().getUid();
            if (probe.isEmpty() || !nodeNames.contains(pod.getSpec().getNodeName()) || pod.getMetadata().getDeletionTimestamp() != null
                    || !"Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase()) || pod.getStatus().getPodIP() == null
                    || now.isBefore(nextProbe.getOrDefault(uid, Instant.EPOCH))) {
                continue;
            }
            Optional<Integer> port = probedPort(pod, probe.get());
            nextProbe.put(uid, now.plusSeconds(orDefault(probe.get().getPeriodSeconds(), 10)));
            boolean answers = port.isPresent() && answers(pod.getStatus().getPodIP(), port.get(),
                    Duration.ofSeconds(orDefault(probe.get().getTimeoutSeconds(), 1)));
            int misses = answers ? 0 : probeMisses.merge(uid, 1, Integer::sum);
            if (answers) {
                probeMisses.remove(uid);
            }
            boolean ready = isReady(pod);
            if (answers && !ready) {
                writeReadiness(pod, true, now);
            } else if (!answers && ready && misses >= orDefault(probe.get().getFailureThreshold(), 3)) {
                writeReadiness(pod, false, now);
            }
        }
    }

    private static Optional<Probe> readinessProbe(Pod pod) {
        return pod.getSpec().getContainers().stream().map(Container::getReadinessProbe)
                .filter(probe -> probe != null && probe.getTcpSocket() != null).findFirst();
    }

    /** The probed port: a number, or the name of a container's port. */
    private static Optional<Integer> probedPort(Pod pod, Probe probe) {
        IntOrString port = probe.getTcpSocket().getPort();
        if (port == null) {
            return Optional.empty();
        }
        if (port.getIntVal() != null) {
            return Optional.of(port.getIntVal());
        }
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst();
    }

    private static boolean answers(String address, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void writeReadiness(Pod pod, boolean ready, Instant now) {
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String status = ready ? "True" : "False";
        List<PodCondition> conditions = new ArrayList<>();
        for (PodCondition condition : pod.getStatus().getConditions()) {
            boolean readiness = "Ready".equals(condition.getType()) || "ContainersReady".equals(condition.getType());
            conditions.add(!readiness ? condition : condition(condition.getType(), status, ready ? null : "ContainersNotReady",
                    ready ? null : "containers with unready status: [lab]", time));
        }
        List<ContainerStatus> containers = pod.getStatus().getContainerStatuses().stream()
                .map(container -> new ContainerStatusBuilder(container).withReady(ready).build()).toList();
        Pod updated = new io.fabric8.kubernetes.api.model.PodBuilder(pod).editStatus()
                .withConditions(conditions).withContainerStatuses(containers).endStatus().build();
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(updated).updateStatus();
    }

    private static int orDefault(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private void renewNodes(Instant now) {
        for (String name : nodeNames) {
            Lease lease = new LeaseBuilder().withNewMetadata().withName(name).withNamespace("kube-node-lease").endMetadata()
                    .withNewSpec().withHolderIdentity(name).withLeaseDurationSeconds((int) LEASE_TERM.toSeconds())
                    .withRenewTime(ZonedDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), java.time.ZoneOffset.UTC))
                    .endSpec().build();
            client.leases().inNamespace("kube-node-lease").resource(lease).createOr(existing -> existing.patch());
            patchStatus(name, Map.of("status", Map.of("conditions", conditions(now))));
        }
    }

    /**
     * A merge patch of the node's status subresource, as a kubelet writes its status: no resource
     * version, so that the controllers' own changes to the node (taints, annotations) never conflict.
     */
    private void patchStatus(String node, Map<String, Object> patch) {
        client.nodes().withName(node).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
    }

    private static List<NodeCondition> conditions(Instant now) {
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<NodeCondition> conditions = new ArrayList<>();
        conditions.add(new NodeConditionBuilder().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withMessage("kubelet is posting ready status (simulated)").withLastHeartbeatTime(time).withLastTransitionTime(time).build());
        for (String pressure : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
            conditions.add(new NodeConditionBuilder().withType(pressure).withStatus("False").withReason("KubeletHasSufficient" + pressure.replace("Pressure", ""))
                    .withLastHeartbeatTime(time).withLastTransitionTime(time).build());
        }
        return conditions;
    }

    private boolean started(Pod pod) {
        return pod.getStatus().getContainerStatuses() != null && !pod.getStatus().getContainerStatuses().isEmpty()
                && ("Running".equals(pod.getStatus().getPhase()) || failing(pod));
    }

    private void start(Pod pod, Instant now) {
        Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
        if (now.isBefore(created.plus(startDelay))) {
            return;
        }
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        boolean failing = failing(pod);
        // with a readiness probe, the pod is Ready only once the probe answers (probeReadiness)
        boolean readyAtOnce = !failing && readinessProbe(pod).isEmpty();
        String address = failing ? null : addresses.computeIfAbsent(pod.getMetadata().getUid(), uid -> allocateAddress());
        Pod updated = new io.fabric8.kubernetes.api.model.PodBuilder(pod).editOrNewStatus()
                .withPhase(failing ? "Pending" : "Running")
                .withHostIP(hostAddress(pod.getSpec().getNodeName()))
                .withStartTime(time)
                .withPodIP(address).withPodIPs(address == null ? List.of() : List.of(new PodIP(address)))
                .withConditions(podConditions(failing, !readyAtOnce, time))
                .withContainerStatuses(containerStatuses(pod, !failing, readyAtOnce, time))
                .endStatus().build();
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(updated).updateStatus();
    }

    private static List<PodCondition> podConditions(boolean failing, boolean unready, String time) {
        String ready = unready ? "False" : "True";
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition("PodReadyToStartContainers", "True", null, null, time));
        conditions.add(condition("Initialized", "True", null, null, time));
        conditions.add(condition("Ready", ready, unready ? "ContainersNotReady" : null,
                unready ? "containers with unready status: [lab]" : null, time));
        conditions.add(condition("ContainersReady", ready, unready ? "ContainersNotReady" : null, null, time));
        conditions.add(condition("PodScheduled", "True", null, null, time));
        return conditions;
    }

    private static List<ContainerStatus> containerStatuses(Pod pod, boolean running, boolean ready, String time) {
        List<ContainerStatus> statuses = new ArrayList<>();
        pod.getSpec().getContainers().forEach(c -> {
            ContainerStatusBuilder container = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                    .withImageID(running ? c.getImage() + "@sha256:" + "0".repeat(64) : "")
                    .withReady(ready).withRestartCount(0).withStarted(running);
            if (running) {
                container.withContainerID("containerd://" + pod.getMetadata().getUid().replace("-", "") + c.getName().hashCode())
                        .withNewState().withNewRunning().withStartedAt(time).endRunning().endState();
            } else {
                container.withNewState().withNewWaiting().withReason("ImagePullBackOff")
                        .withMessage("Back-off pulling image \"" + c.getImage() + "\"").endWaiting().endState();
            }
            statuses.add(container.build());
        });
        return statuses;
    }

    private static PodCondition condition(String type, String status, String reason, String message, String time) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(time).build();
    }

    /** The containers "stopped": the kubelet's final, immediate deletion of the pod, by name. */
    private void remove(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .withGracePeriod(0).delete();
    }

    private void forgetAddressesOfGonePods(List<Pod> all) {
        Set<String> present = new HashSet<>();
        all.forEach(pod -> present.add(pod.getMetadata().getUid()));
        for (Map.Entry<String, String> entry : List.copyOf(addresses.entrySet())) {
            if (!present.contains(entry.getKey())) {
                addresses.remove(entry.getKey());
                usedAddresses.remove(entry.getValue());
            }
        }
        nextProbe.keySet().retainAll(present);
        probeMisses.keySet().retainAll(present);
    }

    private void provisionVolumes() {
        Set<String> claimed = new HashSet<>();
        for (PersistentVolume volume : volumes.getStore().list()) {
            if (volume.getSpec().getClaimRef() != null) {
                claimed.add(volume.getSpec().getClaimRef().getUid());
            }
            if ("Released".equals(volume.getStatus() == null ? null : volume.getStatus().getPhase())
                    && PROVISIONER.equals(annotation(volume.getMetadata().getAnnotations(), "pv.kubernetes.io/provisioned-by"))) {
                client.persistentVolumes().withName(volume.getMetadata().getName()).delete();
            }
        }
        Set<String> ours = new HashSet<>();
        storageClasses.getStore().list().stream().filter(c -> PROVISIONER.equals(c.getProvisioner()))
                .forEach(c -> ours.add(c.getMetadata().getName()));
        for (PersistentVolumeClaim claim : claims.getStore().list()) {
            if (!"Pending".equals(claim.getStatus() == null ? null : claim.getStatus().getPhase())
                    || !ours.contains(claim.getSpec().getStorageClassName())
                    || claim.getMetadata().getDeletionTimestamp() != null || claimed.contains(claim.getMetadata().getUid())) {
                continue;
            }
            String name = "pvc-" + claim.getMetadata().getUid();
            PersistentVolume volume = new PersistentVolumeBuilder().withNewMetadata().withName(name)
                    .addToAnnotations("pv.kubernetes.io/provisioned-by", PROVISIONER).endMetadata()
                    .withNewSpec().withStorageClassName(claim.getSpec().getStorageClassName()).withPersistentVolumeReclaimPolicy("Delete")
                    .withAccessModes(claim.getSpec().getAccessModes())
                    .withCapacity(claim.getSpec().getResources().getRequests())
                    .withNewHostPath().withPath("/var/lib/campuslab-simulated/" + name).endHostPath()
                    .withNewClaimRef().withNamespace(claim.getMetadata().getNamespace()).withName(claim.getMetadata().getName())
                        .withUid(claim.getMetadata().getUid()).withApiVersion("v1").withKind("PersistentVolumeClaim").endClaimRef()
                    .endSpec().build();
            client.persistentVolumes().resource(volume).createOr(existing -> existing.patch());
        }
    }

    private static String annotation(Map<String, String> annotations, String key) {
        return annotations == null ? null : annotations.get(key);
    }

    private static boolean failing(Pod pod) {
        return pod.getSpec().getContainers().stream().anyMatch(c -> c.getImage().contains(SimulatedKubelet.FAILING_IMAGE_MARK));
    }

    /** The next free address of the pod network, one per pod. */
    private synchronized String allocateAddress() {
        for (int tries = 0; tries < 512 * 253; tries++) {
            String address = PodNetwork.address(nextAddress);
            nextAddress = (nextAddress + 1) % (512 * 253);
            if (usedAddresses.add(address)) {
                return address;
            }
        }
        throw new IllegalStateException("No pod address left in " + PodNetwork.RANGE);
    }

    private static String hostAddress(String node) {
        return "10.0.0." + (Math.abs(node.hashCode()) % 200 + 1);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

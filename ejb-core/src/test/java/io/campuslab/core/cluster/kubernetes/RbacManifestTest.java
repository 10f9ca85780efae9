package io.campuslab.core.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.devcluster.ApiAccess;
import io.campuslab.devcluster.DevCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The portal's roles in {@code deploy/helm/campuslab/files/roles.yaml} grant exactly what the Kubernetes adapter
 * does — cluster-wide only what cannot live in a namespace, the rest through the school role bound in
 * each school namespace: every call of a school's life on the cluster (the overview, a pass's snapshot, the school's
 * objects written and rewritten, a lab provisioned, opened and removed in claim and Ingress mode) is
 * allowed by a rule, and every right of the role is used by one of them. A right the code needs but the
 * manifest lacks, or one it grants without need, fails here.
 */
class RbacManifestTest {

    private static final Path MANIFEST = Path.of("..", "deploy", "helm", "campuslab", "files", "roles.yaml");

    @Test
    void theRoleGrantsEveryCallTheAdapterMakesAndNothingElse() throws Exception {
        Set<ApiAccess> calls;
        Path kubeconfig = Files.createTempFile("rbac", ".yaml");
        try (DevCluster cluster = DevCluster.start(0, kubeconfig)) {
            cluster.offerStorageClass("fast-rwo");
            exerciseEverything(cluster, kubeconfig);
            calls = cluster.accessesFromOutside();
        }
        List<PolicyRule> cluster = role("campuslab-portal").getRules();
        List<PolicyRule> school = role("campuslab-school").getRules();

        List<String> missing = calls.stream()
                .filter(call -> cluster.stream().noneMatch(rule -> allows(rule, call))
                        && !(call.namespaced() && school.stream().anyMatch(rule -> allows(rule, call))))
                .map(ApiAccess::toString).sorted().toList();
        assertThat(missing).as("calls the roles do not grant (the school role only in a namespace)").isEmpty();

        Set<String> unused = new TreeSet<>();
        List<PolicyRule> rules = new ArrayList<>(cluster);
        rules.addAll(school);
        for (PolicyRule rule : rules) {
            if (rule.getVerbs().equals(List.of("bind"))) {
                continue; // not a call: what lets the portal create the binding of the school role
            }
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        boolean used = calls.stream().anyMatch(call -> call.verb().equals(verb)
                                && call.group().equals(group) && call.resource().equals(resource));
                        if (!used) {
                            unused.add(verb + " " + (group.isEmpty() ? "" : group + "/") + resource);
                        }
                    }
                }
            }
        }
        assertThat(unused).as("rights the role grants that no call uses").isEmpty();
    }

    /** Everything, through a gateway whose snapshots come from informers (list, then watch) as in the portal. */
    private static void exerciseEverything(DevCluster cluster, Path kubeconfig) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
        KubernetesClusterGateway gateway = new KubernetesClusterGateway(ApiClients.create(Optional.of(kubeconfig.toString()),
                Duration.ofSeconds(10)), threads);
        try {
            exerciseEverything(gateway, () -> diagnosis(cluster));
            // the informers list, then watch: a snapshot that asks nothing shows that they do
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long before;
            do {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Snapshots never came from the informers' caches");
                }
                before = cluster.requestsFromOutside();
                gateway.snapshot();
            } while (cluster.requestsFromOutside() != before);
        } finally {
            gateway.stopWatching();
            threads.shutdownNow();
        }
    }

    private static void exerciseEverything(KubernetesClusterGateway gateway, java.util.function.Supplier<String> diagnosis)
            throws Exception {
        SchoolPolicy south = new SchoolPolicy("cl-south-academy", "south-academy", Map.of("pods", "10", "limits.cpu", "16"),
                1000, 2048, 500, 2048, "campuslab", List.of("0.0.0.0/0"), List.of("10.96.0.0/12"), "restricted",
                SchoolClaim.of("south-academy", null, 20));
        gateway.listNodes();
        gateway.snapshot();
        gateway.applySchool(south);
        gateway.applySchool(south);
        gateway.provision(LabObjectsTest.CPU_VSCODE, "a-token");
        // the lab's address, once its pod runs and its EndpointSlice says where
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gateway.access("cl-south-academy", LabObjectsTest.CPU_VSCODE.name()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The lab never got a ready address; the cluster says: " + diagnosis.get());
            }
            Thread.sleep(200);
        }
        gateway.remove("cl-south-academy", LabObjectsTest.CPU_VSCODE.name());
        // the student's account deleted: the workspace claim goes too, and a second time finds it gone
        gateway.removeWorkspace("cl-south-academy", LabObjectsTest.CPU_VSCODE.workspaceClaimOrNull().name());
        gateway.removeWorkspace("cl-south-academy", LabObjectsTest.CPU_VSCODE.workspaceClaimOrNull().name());
    }

    @Test
    void inEveryNamespaceItMakesThePortalBindsTheSchoolRoleToItsServiceAccount() throws Exception {
        Path kubeconfig = Files.createTempFile("rbac", ".yaml");
        try (DevCluster cluster = DevCluster.start(0, kubeconfig)) {
            cluster.offerStorageClass("fast-rwo");
            exerciseEverything(cluster, kubeconfig);
            try (var client = cluster.client()) {
                var binding = client.rbac().roleBindings().inNamespace("cl-south-academy").withName("campuslab-portal").get();
                assertThat(binding.getRoleRef().getName()).isEqualTo("campuslab-school");
                assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
                assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
                    assertThat(subject.getKind()).isEqualTo("ServiceAccount");
                    assertThat(subject.getNamespace() + ":" + subject.getName()).isEqualTo("campuslab:campuslab-portal");
                });
            }
        }
        var objects = new ArrayList<HasMetadata>();
        try (InputStream in = Files.newInputStream(MANIFEST);
             var client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().build()) {
            objects.addAll(client.load(in).items());
        }
        // the chart binds campuslab-portal and nothing else cluster-wide (ChartTest renders it)
        assertThat(objects).extracting(HasMetadata::getKind).as("the roles file grants, it binds nothing")
                .containsOnly("ClusterRole");
    }

    /** The school namespace's pods and claims as the cluster sees them. */
    private static String diagnosis(DevCluster cluster) {
        try (var client = cluster.client()) {
            StringBuilder text = new StringBuilder();
            client.pods().inNamespace("cl-south-academy").list().getItems().forEach(pod -> text.append("pod ")
                    .append(pod.getMetadata().getName()).append(' ').append(pod.getStatus()).append('\n'));
            client.persistentVolumeClaims().inNamespace("cl-south-academy").list().getItems().forEach(claim -> text
                    .append("claim ").append(claim.getMetadata().getName()).append(' ').append(claim.getSpec().getStorageClassName())
                    .append(' ').append(claim.getStatus().getPhase()).append('\n'));
            client.discovery().v1().endpointSlices().inNamespace("cl-south-academy").list().getItems()
                    .forEach(slice -> text.append("slice ").append(slice.getEndpoints()).append('\n'));
            return text.toString();
        }
    }

    private static ClusterRole role(String name) throws Exception {
        List<HasMetadata> objects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MANIFEST);
             var client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().build()) {
            objects.addAll(client.load(in).items());
        }
        return objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .filter(role -> role.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static boolean allows(PolicyRule rule, ApiAccess call) {
        return (rule.getApiGroups().contains(call.group()) || rule.getApiGroups().contains("*"))
                && (rule.getResources().contains(call.resource()) || rule.getResources().contains("*"))
                && (rule.getVerbs().contains(call.verb()) || rule.getVerbs().contains("*"));
    }
}

package io.campuslab.system.lab;

import static io.campuslab.system.LabWatch.inState;
import static io.campuslab.system.LabWatch.waitFor;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.devcluster.DevCluster;
import io.campuslab.devcluster.Fault;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What CampusLab does when the Kubernetes API fails, and when the portal itself restarts in the
 * middle of its work: requests wait and say why, the work resumes, and nothing is made twice or left
 * behind. The dev-cluster plays the failures.
 */
@SystemTest
class ClusterFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void healthyCluster() {
        StackExtension.devCluster().faults().clear();
    }

    @Test
    void whileTheClusterCannotBeReachedLabsWaitAndSaySoThenStartWhenItIsBack() throws Exception {
        String olga = studentOfNewSchool("outage-college", "olga");
        DevCluster cluster = StackExtension.devCluster();
        cluster.faults().inject(Fault.down());

        HttpResponseBody requested = request(olga);
        JsonNode waiting = waitFor(olga, requested.id(), lab -> "lab.reason.cluster-unreachable".equals(lab.path("reasonKey").asText()));
        cluster.faults().clear();
        waitFor(olga, requested.id(), inState("RUNNING"));

        assertThat(waiting.path("state").asText()).isEqualTo("QUEUED");
        try (KubernetesClient client = cluster.client()) {
            assertThat(labPods(client, "cl-outage-college", requested.id())).hasSize(1);
            ResourceQuota quota = client.resourceQuotas().inNamespace("cl-outage-college").withName("campuslab").get();
            assertThat(quota.getSpec().getHard()).containsEntry("requests.nvidia.com/gpu", new Quantity("4"))
                    .containsEntry("pods", new Quantity("50")).containsEntry("limits.cpu", new Quantity("64"));
            assertThat(client.network().networkPolicies().inNamespace("cl-outage-college").list().getItems())
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("campuslab-default-deny", "campuslab-ingress", "campuslab-egress");
            assertThat(client.namespaces().withName("cl-outage-college").get().getMetadata().getLabels())
                    .containsEntry("pod-security.kubernetes.io/enforce", "privileged")
                    .containsEntry("pod-security.kubernetes.io/warn", "restricted")
                    .containsEntry("pod-security.kubernetes.io/audit", "restricted");
            assertThat(client.limitRanges().inNamespace("cl-outage-college").withName("campuslab").get()).isNotNull();
        }
        send("DELETE", "/api/v1/labs/" + requested.id(), olga, null);
        waitFor(olga, requested.id(), inState("STOPPED"));
    }

    @Test
    void aRestartInTheMiddleOfProvisioningFinishesTheLabOnceAndRemovesWhatNoLabOwns() throws Exception {
        String rhea = studentOfNewSchool("restart-college", "rhea");
        DevCluster cluster = StackExtension.devCluster();
        String namespace = "cl-restart-college";
        cluster.faults().inject(Fault.serverError().on("POST", "pods"));
        long id = request(rhea).id();
        try (KubernetesClient client = cluster.client()) {
            eventually("the lab's secret and service exist, its pod does not", () ->
                    client.secrets().inNamespace(namespace).withName("lab-" + id).get() != null
                            && client.services().inNamespace(namespace).withName("lab-" + id).get() != null);
            assertThat(labPods(client, namespace, id)).isEmpty();
            client.pods().inNamespace(namespace).resource(orphan(namespace)).create();

            restartPortal();
            cluster.faults().clear();
            String again = signedIn("rhea");
            waitFor(again, id, inState("RUNNING"));
            eventually("the orphan pod is removed", () -> client.pods().inNamespace(namespace).withName("lab-999999").get() == null);

            assertThat(labPods(client, namespace, id)).hasSize(1);
            assertThat(client.services().inNamespace(namespace).withLabel("campuslab.io/lab", Long.toString(id)).list().getItems()).hasSize(1);
            assertThat(client.secrets().inNamespace(namespace).withLabel("campuslab.io/lab", Long.toString(id)).list().getItems()).hasSize(1);
            send("DELETE", "/api/v1/labs/" + id, again, null);
            waitFor(again, id, inState("STOPPED"));
        }
    }

    private static String studentOfNewSchool(String slug, String username) throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson(username, "student", slug);
        return signedIn(username);
    }

    private record HttpResponseBody(long id) {
    }

    private static HttpResponseBody request(String token) throws Exception {
        var response = send("POST", "/api/v1/labs", token, "{\"template\": \"jupyterlab\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new HttpResponseBody(JSON.readTree(response.body()).path("id").asLong());
    }

    private static List<Pod> labPods(KubernetesClient client, String namespace, long id) {
        return client.pods().inNamespace(namespace).withLabel("campuslab.io/lab", Long.toString(id)).list().getItems()
                .stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    /** A pod that looks like a lab's but whose lab CampusLab does not know, as a crash could leave behind. */
    private static Pod orphan(String namespace) {
        return new PodBuilder().withNewMetadata().withName("lab-999999").withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "campuslab").addToLabels("campuslab.io/lab", "999999")
                .addToLabels("campuslab.io/tenant", "restart-college").endMetadata()
                .withNewSpec().addNewContainer().withName("lab").withImage("quay.io/jupyter/base-notebook:2025-01-06")
                .endContainer().endSpec().build();
    }

    /** Restarts the portal's server in place (WildFly's reload): every bean, timer and cache starts anew. */
    private static void restartPortal() throws Exception {
        assertThat(cli(":reload")).contains("success");
        eventually("the server has restarted", () -> cli(":read-attribute(name=server-state)").contains("\"running\""));
        eventually("the portal answers after the restart", () -> {
            try {
                return send("GET", "/api/v1/me", Tokens.of("operator"), null).statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    /** One operation through WildFly's command line, as the machine's user (local authentication). */
    private static String cli(String operation) {
        try {
            Path home = Path.of(System.getProperty("campuslab.it.wildfly.home"));
            Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=127.0.0.1:" + System.getProperty("campuslab.it.management-port"), "--command=" + operation)
                    .redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes());
            return cli.waitFor(1, TimeUnit.MINUTES) ? output : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 90 s: " + what);
            }
            Thread.sleep(300);
        }
    }
}

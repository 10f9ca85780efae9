package io.campuslab.system.lab;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.InParallel;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Two hundred students of a school whose quota is 8 GPUs ask for a GPU lab at the same moment: the
 * school never holds more than 8, in CampusLab's books or on the cluster, while the queue drains.
 */
@SystemTest
class GpuQuotaBurstIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STUDENTS = 200;
    private static final int SCHOOL_GPUS = 8;
    private static final String NAMESPACE = "cl-burst-academy";

    @Test
    void twoHundredConcurrentGpuRequestsNeverTakeMoreThanTheSchoolsEightGpus() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"burst-academy\", \"name\": \"Burst Academy\"}")
                .statusCode()).isEqualTo(201);
        try (Connection db = database()) {
            db.createStatement().executeUpdate("UPDATE tenants SET quota_gpus = " + SCHOOL_GPUS
                    + ", quota_concurrent_labs = 500, quota_cpu_cores = 1000, quota_memory_gib = 4000 WHERE slug = 'burst-academy'");
        }
        KeycloakAdmin.createStudents("burst", STUDENTS, "burst-academy");
        Map<String, String> tokens = signInAll();

        List<Long> labs = requestAtOnce(tokens);
        assertThat(labs).hasSize(STUDENTS);

        try (KubernetesClient cluster = StackExtension.devCluster().client()) {
            int mostHeld = 0;
            int mostOnCluster = 0;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline) && (heldInBooks() < SCHOOL_GPUS || runningPods(cluster) < SCHOOL_GPUS)) {
                mostHeld = Math.max(mostHeld, heldInBooks());
                mostOnCluster = Math.max(mostOnCluster, gpusOnCluster(cluster));
                Thread.sleep(200);
            }
            for (int round = 0; round < 10; round++) {
                mostHeld = Math.max(mostHeld, heldInBooks());
                mostOnCluster = Math.max(mostOnCluster, gpusOnCluster(cluster));
                Thread.sleep(300);
            }
            assertThat(heldInBooks()).as("the school's GPUs are all in use").isEqualTo(SCHOOL_GPUS);
            assertThat(mostHeld).as("GPUs held in CampusLab's books").isLessThanOrEqualTo(SCHOOL_GPUS);
            assertThat(mostOnCluster).as("GPUs requested by the school's pods").isLessThanOrEqualTo(SCHOOL_GPUS);
            assertThat(cluster.resourceQuotas().inNamespace(NAMESPACE).withName("campuslab").get().getSpec().getHard())
                    .containsEntry("requests.nvidia.com/gpu", new Quantity(Integer.toString(SCHOOL_GPUS)));
            assertThat(queued()).isEqualTo(STUDENTS - SCHOOL_GPUS);
        } finally {
            stopAll(tokens, labs);
        }
    }

    private static Map<String, String> signInAll() throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        List<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, STUDENTS).boxed().toList();
        InParallel.forEach(numbers, 8, i -> tokens.put("burst-" + i, signedIn("burst-" + i)));
        return tokens;
    }

    /** Every student asks at the same moment: 200 threads wait at one latch. */
    private static List<Long> requestAtOnce(Map<String, String> tokens) throws Exception {
        return InParallel.atOnce(tokens.values(), STUDENTS, token -> {
            var response = send("POST", "/api/v1/labs", token, "{\"template\": \"jupyterlab\", \"gpus\": 1}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body()).path("id").asLong();
        });
    }

    private static int heldInBooks() throws Exception {
        return count("SELECT COALESCE(SUM(l.gpus), 0) FROM labs l JOIN tenants t ON t.id = l.tenant_id"
                + " WHERE t.slug = 'burst-academy' AND l.state IN ('PROVISIONING', 'RUNNING', 'STOPPING')");
    }

    private static int queued() throws Exception {
        return count("SELECT COUNT(*) FROM labs l JOIN tenants t ON t.id = l.tenant_id"
                + " WHERE t.slug = 'burst-academy' AND l.state = 'QUEUED'");
    }

    private static int count(String sql) throws Exception {
        try (Connection db = database(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int gpusOnCluster(KubernetesClient cluster) {
        return cluster.pods().inNamespace(NAMESPACE).list().getItems().stream()
                .flatMap(p -> p.getSpec().getContainers().stream())
                .map(c -> c.getResources().getRequests().get("nvidia.com/gpu"))
                .filter(java.util.Objects::nonNull)
                .mapToInt(q -> q.getNumericalAmount().intValue()).sum();
    }

    private static int runningPods(KubernetesClient cluster) {
        return (int) cluster.pods().inNamespace(NAMESPACE).list().getItems().stream()
                .map(Pod::getStatus).filter(s -> s != null && "Running".equals(s.getPhase())).count();
    }

    /** Leaves the cluster's GPUs to the other tests: every lab of the burst is stopped and its pod gone. */
    private static void stopAll(Map<String, String> tokens, List<Long> labs) throws Exception {
        try (Connection db = database()) {
            db.createStatement().executeUpdate("UPDATE labs l JOIN tenants t ON t.id = l.tenant_id"
                    + " SET l.state = 'STOPPED', l.reason_key = 'lab.reason.stopped-by-user', l.ended_at = NOW(6)"
                    + " WHERE t.slug = 'burst-academy' AND l.state = 'QUEUED'");
        }
        for (Map.Entry<String, String> student : tokens.entrySet()) {
            for (var lab : JSON.readTree(send("GET", "/api/v1/labs/mine", student.getValue(), null).body())) {
                if (List.of("PROVISIONING", "RUNNING").contains(lab.path("state").asText())) {
                    send("DELETE", "/api/v1/labs/" + lab.path("id").asLong(), student.getValue(), null);
                }
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (KubernetesClient cluster = StackExtension.devCluster().client()) {
            while (Instant.now().isBefore(deadline) && (heldInBooks() > 0 || !cluster.pods().inNamespace(NAMESPACE).list().getItems().isEmpty())) {
                Thread.sleep(500);
            }
        }
    }
}

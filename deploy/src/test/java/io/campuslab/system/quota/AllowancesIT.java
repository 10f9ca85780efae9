package io.campuslab.system.quota;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A school admin sets what students may ask for and lets one student have more; requests follow at
 * once, and nothing beyond the school's quota can be allowed.
 */
@SystemTest
class AllowancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSchoolAdminLimitsStudentsAndRaisesOneWithinTheSchoolsQuota() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"allowance-academy\", \"name\": \"Allowance Academy\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("ada", "tenant-admin", "allowance-academy");
        KeycloakAdmin.createPerson("amy", "student", "allowance-academy");
        KeycloakAdmin.createPerson("abe", "student", "allowance-academy");
        String ada = signedIn("ada");
        String amy = signedIn("amy");
        String abe = signedIn("abe");

        HttpResponse<String> beyond = send("PUT", "/api/v1/allowances/roles/students", ada, "{\"maxGpus\": 9}");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("error.allowance.gpus-beyond-school");
        assertThat(send("PUT", "/api/v1/allowances/roles/students", ada, "{\"maxCpuMillis\": 1000}").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/allowances", amy, null).statusCode()).as("students do not see allowances").isEqualTo(403);

        HttpResponse<String> tooLarge = send("POST", "/api/v1/labs", abe, "{\"template\": \"jupyterlab\", \"cpuMillis\": 2000}");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("error.allowance.cpu", "at most 1,000 millicores");
        assertThat(send("POST", "/api/v1/labs", abe, "{\"template\": \"jupyterlab\", \"cpuMillis\": 1000}").statusCode())
                .isEqualTo(201);

        JsonNode list = JSON.readTree(send("PUT", "/api/v1/allowances/members/amy", ada,
                "{\"maxCpuMillis\": 2000, \"labsAtOnce\": 2}").body());
        assertThat(list.path("students").path("maxCpuMillis").asInt()).isEqualTo(1000);
        assertThat(list.path("members").path(0).path("username").asText()).isEqualTo("amy");
        assertThat(send("POST", "/api/v1/labs", amy, "{\"template\": \"jupyterlab\", \"cpuMillis\": 2000}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/labs", amy, "{\"template\": \"vscode\", \"cpuMillis\": 1000}").statusCode())
                .as("a second lab at once").isEqualTo(201);
        assertThat(send("POST", "/api/v1/labs", amy, "{\"template\": \"jupyterlab\", \"cpuMillis\": 1000}").statusCode())
                .as("not a third").isEqualTo(409);
        assertThat(send("PUT", "/api/v1/allowances/members/nobody", ada, "{\"labsAtOnce\": 2}").statusCode()).isEqualTo(404);

        for (String token : new String[] {amy, abe}) {
            for (JsonNode lab : JSON.readTree(send("GET", "/api/v1/labs/mine", token, null).body())) {
                send("DELETE", "/api/v1/labs/" + lab.path("id").asLong(), token, null);
            }
        }
        assertThat(send("DELETE", "/api/v1/allowances/members/amy", ada, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOperatorSetsASchoolsQuotaWhichTheSchoolSeesAndTheClusterMirrors() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"quota-college\", \"name\": \"Quota College\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("quincy", "tenant-admin", "quota-college");
        String quincy = signedIn("quincy");
        String quota = """
                {"gpus": 6, "gpusPerKey": {"nvidia.com/gpu": 3}, "cpuCores": 32, "memoryGib": 128, "concurrentLabs": 20,
                 "storageGib": 50, "gpuHoursPerMonth": 120}
                """;

        assertThat(send("PUT", "/api/v1/schools/quota-college/quota", quincy, quota).statusCode())
                .as("a school admin cannot raise their own quota").isEqualTo(403);
        assertThat(send("PUT", "/api/v1/schools/quota-college/quota", operator,
                quota.replace("nvidia.com/gpu\": 3", "amd.com/gpu\": 3")).statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/schools/quota-college/quota", operator, quota).statusCode()).isEqualTo(200);
        JsonNode seen = JSON.readTree(send("GET", "/api/v1/schools/quota-college/quota", quincy, null).body());
        assertThat(seen.path("gpus").asInt()).isEqualTo(6);
        assertThat(seen.path("gpusPerKey").path("nvidia.com/gpu").asInt()).isEqualTo(3);
        assertThat(send("GET", "/api/v1/schools/quota-college/quota", signedIn("alice"), null).statusCode())
                .as("another school's admin").isEqualTo(403);

        long lab = JSON.readTree(send("POST", "/api/v1/labs", quincy, "{\"template\": \"jupyterlab\"}").body()).path("id").asLong();
        try (var cluster = StackExtension.devCluster().client()) {
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            io.fabric8.kubernetes.api.model.ResourceQuota mirrored = null;
            while (java.time.Instant.now().isBefore(deadline) && mirrored == null) {
                mirrored = cluster.resourceQuotas().inNamespace("cl-quota-college").withName("campuslab").get();
                Thread.sleep(300);
            }
            assertThat(mirrored).isNotNull();
            assertThat(mirrored.getSpec().getHard()).containsEntry("requests.nvidia.com/gpu", new io.fabric8.kubernetes.api.model.Quantity("3"))
                    .containsEntry("limits.cpu", new io.fabric8.kubernetes.api.model.Quantity("32"))
                    .containsEntry("requests.storage", new io.fabric8.kubernetes.api.model.Quantity("50Gi"));
        }
        send("DELETE", "/api/v1/labs/" + lab, quincy, null);
    }
}

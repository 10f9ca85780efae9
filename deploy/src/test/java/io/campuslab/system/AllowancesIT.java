package io.campuslab.system;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * A school admin sets what students may ask for and lets one student have more; requests follow at
 * once, and nothing beyond the school's quota can be allowed.
 */
@SystemTest
@RunAsClient
class AllowancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.campuslabEar();
    }

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
}

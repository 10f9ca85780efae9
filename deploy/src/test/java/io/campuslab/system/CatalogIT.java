package io.campuslab.system;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The lab catalog through the API: what each school offers, and that no school sees another's. */
@SystemTest
@RunAsClient
class CatalogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN_TEMPLATE = """
            {"name": "%s", "displayName": "Robotics Lab", "description": "ROS 2 and Python",
             "cpuImage": "ghcr.io/north-high/robotics-lab:2026.1", "gpuImages": {"nvidia.com/gpu": "ghcr.io/north-high/robotics-lab:2026.1-cuda"},
             "ports": [{"name": "http", "port": 8888, "protocol": "HTTP"}, {"name": "novnc", "port": 6080, "protocol": "VNC"}],
             "workspacePath": "/home/student/work", "shmMib": 512,
             "defaultResources": {"cpuMillis": 1000, "memoryMib": 2048, "gpus": 0},
             "maxResources": {"cpuMillis": 4000, "memoryMib": 8192, "gpus": 1},
             "developmentInfo": ["ros-version: jazzy"]}
            """;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.campuslabEar();
    }

    @Test
    void everySchoolStartsWithTheGlobalCatalog() throws Exception {
        JsonNode offered = JSON.readTree(send("GET", "/api/v1/templates", signedIn("sue"), null).body());

        assertThat(names(offered)).contains("jupyterlab", "vscode", "desktop", "keras", "paddlepaddle");
        JsonNode jupyter = find(offered, "jupyterlab");
        assertThat(jupyter.path("gpuImages").path("nvidia.com/gpu").asText()).startsWith("quay.io/jupyter/pytorch-notebook");
        assertThat(jupyter.path("ports").path(0).path("port").asInt()).isEqualTo(8888);
        assertThat(find(offered, "paddlepaddle").path("developmentInfo").toString()).contains("cuda-version: 12.0");
    }

    @Test
    void aSchoolsToggleChangesOnlyThatSchool() throws Exception {
        HttpResponse<String> off = send("PUT", "/api/v1/templates/keras/offered", signedIn("alice"), "{\"offered\": false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);

        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("sam"), null).body()))).doesNotContain("keras");
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("stan"), null).body()))).contains("keras");
        JsonNode all = JSON.readTree(send("GET", "/api/v1/templates/all", signedIn("alice"), null).body());
        assertThat(find(all, "keras").path("offered").asBoolean()).isFalse();

        assertThat(send("PUT", "/api/v1/templates/keras/offered", signedIn("alice"), "{\"offered\": true}").statusCode()).isEqualTo(200);
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("sam"), null).body()))).contains("keras");
    }

    @Test
    void onlySchoolAdminsKeepTheCatalog() throws Exception {
        assertThat(send("PUT", "/api/v1/templates/desktop/offered", signedIn("sam"), "{\"offered\": false}").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/templates/desktop/offered", signedIn("tom"), "{\"offered\": false}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/templates/all", signedIn("tom"), null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/templates", signedIn("tom"), OWN_TEMPLATE.formatted("toms-lab")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSchoolsOwnTemplateIsInvisibleToOtherSchools() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/templates", signedIn("alice"), OWN_TEMPLATE.formatted("robotics"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("global").asBoolean()).isFalse();

        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("sam"), null).body()))).contains("robotics");
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("stan"), null).body()))).doesNotContain("robotics");
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates/all", signedIn("bob"), null).body()))).doesNotContain("robotics");
        assertThat(send("PUT", "/api/v1/templates/robotics/offered", signedIn("bob"), "{\"offered\": false}").statusCode()).isEqualTo(404);

        HttpResponse<String> southsOwn = send("POST", "/api/v1/templates", signedIn("bob"), OWN_TEMPLATE.formatted("robotics"));
        assertThat(southsOwn.statusCode()).as("each school names its own templates").isEqualTo(201);
    }

    @Test
    void brokenRulesAndTakenNamesAreRefused() throws Exception {
        String alice = signedIn("alice");
        HttpResponse<String> badImage = send("POST", "/api/v1/templates", alice,
                OWN_TEMPLATE.formatted("bad-image").replace("ghcr.io/north-high/robotics-lab:2026.1\"", "Not An Image\""));
        assertThat(badImage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badImage.body()).path("key").asText()).isEqualTo("error.template.image-invalid");

        HttpResponse<String> badPort = send("POST", "/api/v1/templates", alice,
                OWN_TEMPLATE.formatted("bad-port").replace("\"port\": 6080", "\"port\": 8888"));
        assertThat(JSON.readTree(badPort.body()).path("key").asText()).isEqualTo("error.template.port-duplicate");

        HttpResponse<String> taken = send("POST", "/api/v1/templates", alice, OWN_TEMPLATE.formatted("jupyterlab"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(taken.body()).path("key").asText()).isEqualTo("error.template.exists");

        HttpResponse<String> badGpu = send("POST", "/api/v1/templates", alice,
                OWN_TEMPLATE.formatted("bad-gpu").replace("nvidia.com/gpu\": \"ghcr", "amd.com/gpu\": \"ghcr"));
        assertThat(JSON.readTree(badGpu.body()).path("key").asText()).isEqualTo("error.template.gpu-key-unknown");
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("No template " + name + " in " + items);
    }


}

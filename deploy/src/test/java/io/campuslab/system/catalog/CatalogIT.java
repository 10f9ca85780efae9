package io.campuslab.system.catalog;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.fetchBytes;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.sendBytes;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab catalog through the API: what each school offers, and that no school sees another's. */
@SystemTest
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

    @Test
    void thePlatformAdminKeepsTheGlobalCatalog() throws Exception {
        String operator = signedIn("operator");
        HttpResponse<String> created = send("POST", "/api/v1/templates", operator, OWN_TEMPLATE.formatted("chemistry"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("global").asBoolean()).isTrue();
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("sam"), null).body()))).contains("chemistry");
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("stan"), null).body()))).contains("chemistry");

        JsonNode global = JSON.readTree(send("GET", "/api/v1/templates", operator, null).body());
        assertThat(find(global, "xedu").path("offered").asBoolean()).as("XEdu waits for its image to be confirmed").isFalse();
        assertThat(send("PUT", "/api/v1/templates/chemistry/offered", operator, "{\"offered\": false}").statusCode()).isEqualTo(200);
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("sam"), null).body()))).doesNotContain("chemistry");

        String alice = signedIn("alice");
        assertThat(send("PUT", "/api/v1/templates/chemistry", alice, OWN_TEMPLATE.formatted("chemistry")).statusCode())
                .as("a school admin cannot change a global template").isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/templates/chemistry", alice, null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/templates/chemistry", signedIn("sam"), null).statusCode()).isEqualTo(403);

        assertThat(send("DELETE", "/api/v1/templates/chemistry", operator, null).statusCode()).isEqualTo(204);
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates/all", alice, null).body()))).doesNotContain("chemistry");
    }

    @Test
    void ownTemplatesAreChangedAndDeletedOnlyByTheirSchool() throws Exception {
        String alice = signedIn("alice");
        assertThat(send("POST", "/api/v1/templates", alice, OWN_TEMPLATE.formatted("weather")).statusCode()).isEqualTo(201);

        JsonNode definition = JSON.readTree(send("GET", "/api/v1/templates/weather", alice, null).body());
        assertThat(definition.path("ports").path(1).path("protocol").asText()).isEqualTo("VNC");
        HttpResponse<String> changed = send("PUT", "/api/v1/templates/weather", alice,
                OWN_TEMPLATE.formatted("weather").replace("Robotics Lab", "Weather Station"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("displayName").asText()).isEqualTo("Weather Station");
        assertThat(send("PUT", "/api/v1/templates/weather", alice, OWN_TEMPLATE.formatted("renamed")).statusCode())
                .as("a template keeps its name").isEqualTo(400);

        String bob = signedIn("bob");
        assertThat(send("GET", "/api/v1/templates/weather", bob, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/v1/templates/weather", bob, OWN_TEMPLATE.formatted("weather")).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/templates/weather", bob, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/templates/weather", signedIn("tom"), null).statusCode()).isEqualTo(403);

        assertThat(send("DELETE", "/api/v1/templates/weather", alice, null).statusCode()).isEqualTo(204);
        assertThat(names(JSON.readTree(send("GET", "/api/v1/templates", signedIn("sam"), null).body()))).doesNotContain("weather");
    }

    @Test
    void iconsArePicturesOfTheirSchoolOnly() throws Exception {
        String alice = signedIn("alice");
        assertThat(send("POST", "/api/v1/templates", alice, OWN_TEMPLATE.formatted("art")).statusCode()).isEqualTo(201);
        byte[] png = png();

        assertThat(sendBytes("PUT", "/api/v1/templates/art/icon", alice, "image/png", png).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> shown = fetchBytes("/api/v1/templates/art/icon", signedIn("sam"));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(shown.body()).isEqualTo(png);
        assertThat(fetchBytes("/api/v1/templates/art/icon", signedIn("stan")).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(send("GET", "/api/v1/templates/all", alice, null).body()))
                .anySatisfy(item -> assertThat(item.path("name").asText() + item.path("customIcon")).isEqualTo("arttrue"));

        HttpResponse<String> script = sendBytes("PUT", "/api/v1/templates/art/icon", alice, "image/png",
                "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(script.body()).path("key").asText()).isEqualTo("error.template.icon-type");
        byte[] huge = Arrays.copyOf(png, 300 * 1024);
        assertThat(JSON.readTree(sendBytes("PUT", "/api/v1/templates/art/icon", alice, "image/png", huge).body())
                .path("key").asText()).isEqualTo("error.template.icon-size");
        assertThat(sendBytes("PUT", "/api/v1/templates/art/icon", signedIn("bob"), "image/png", png).statusCode()).isEqualTo(404);
        assertThat(fetchBytes("/api/v1/templates/art/icon", signedIn("sam")).body()).as("refused uploads change nothing")
                .isEqualTo(png);
    }

    @Test
    void aSchoolNamesItsCoursesAndDatasetsAndOnlyThePlatformMountsHostFoldersInsideTheRoots() throws Exception {
        String alice = signedIn("alice");
        String withMount = OWN_TEMPLATE.replace("\"developmentInfo\"",
                "\"mounts\": [{\"name\": \"host\", \"hostPath\": \"%s\", \"mountPath\": \"/opt/host\"}], \"developmentInfo\"");
        String tools = StackExtension.settings().home().resolve("storage/courses/{tenant}/tools").toAbsolutePath().normalize()
                .toString();
        String northWorkspaces = StackExtension.settings().home().resolve("storage/workspaces/north-high").toAbsolutePath()
                .normalize().toString();

        HttpResponse<String> hostFolder = send("POST", "/api/v1/templates", signedIn("bob"),
                withMount.formatted("mounted-1", northWorkspaces));
        assertThat(hostFolder.statusCode()).as("South Academy's admin naming North High's workspaces").isEqualTo(400);
        assertThat(JSON.readTree(hostFolder.body()).path("key").asText()).isEqualTo("error.template.mount-host-folder-not-allowed");
        assertThat(send("POST", "/api/v1/templates", alice, withMount.formatted("mounted-2", tools)).statusCode())
                .as("a host folder inside the roots, from a school").isEqualTo(400);

        HttpResponse<String> named = send("POST", "/api/v1/templates", alice, withMount.formatted("mounted-3", "dataset:weather"));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(JSON.readTree(named.body()).path("mounts").path(0).path("readOnly").asBoolean()).isTrue();

        String operator = signedIn("operator");
        HttpResponse<String> outside = send("POST", "/api/v1/templates", operator, withMount.formatted("mounted-4", "/etc"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outside.body()).path("key").asText()).isEqualTo("error.template.host-path-outside-roots");
        HttpResponse<String> inside = send("POST", "/api/v1/templates", operator, withMount.formatted("mounted-5", tools));
        assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);
    }

    /** A 1×1 PNG. */
    private static byte[] png() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
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

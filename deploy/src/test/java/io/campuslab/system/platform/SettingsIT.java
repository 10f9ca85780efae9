package io.campuslab.system.platform;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.PortalApi;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Zips;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Platform settings through the API: stored, checked as a whole, audited, and only the platform admin's. */
@SystemTest
class SettingsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Other test classes share the stack: every setting goes back to its default. */
    @AfterEach
    void restoreDefaults() throws Exception {
        try (Connection db = database()) {
            db.createStatement().executeUpdate("DELETE FROM platform_settings");
        }
    }

    @Test
    void theOperatorSeesEverySettingWithItsDefault() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/settings", signedIn("operator"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode maxPorts = setting(JSON.readTree(response.body()), "catalog.max-ports");
        assertThat(maxPorts.path("value").asText()).isEqualTo("4");
        assertThat(maxPorts.path("defaultValue").asText()).isEqualTo("4");
        assertThat(maxPorts.path("updatedBy").isNull()).isTrue();
    }

    @Test
    void aChangeHoldsAtOnceAndIsAudited() throws Exception {
        String operator = signedIn("operator");
        HttpResponse<String> changed = send("PATCH", "/api/v1/settings", operator,
                "{\"catalog.max-ports\": \"1\", \"gpu.resource-keys\": \"nvidia.com/gpu, amd.com/gpu\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode maxPorts = setting(JSON.readTree(changed.body()), "catalog.max-ports");
        assertThat(maxPorts.path("value").asText()).isEqualTo("1");
        assertThat(maxPorts.path("updatedBy").asText()).isEqualTo("operator");

        String twoPorts = """
                {"name": "two-ports", "displayName": "Two ports", "cpuImage": "ghcr.io/north-high/lab:1",
                 "gpuImages": {"amd.com/gpu": "ghcr.io/north-high/lab:1-rocm"},
                 "ports": [{"name": "http", "port": 8888}, {"name": "board", "port": 6006}],
                 "workspacePath": "/home/student/work", "shmMib": 256,
                 "defaultResources": {"cpuMillis": 1000, "memoryMib": 2048, "gpus": 0},
                 "maxResources": {"cpuMillis": 2000, "memoryMib": 4096, "gpus": 1}}
                """;
        HttpResponse<String> refused = send("POST", "/api/v1/templates", signedIn("alice"), twoPorts);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("key").asText()).isEqualTo("error.template.port-count");
        HttpResponse<String> onePort = send("POST", "/api/v1/templates", signedIn("alice"),
                twoPorts.replace(", {\"name\": \"board\", \"port\": 6006}", ""));
        assertThat(onePort.statusCode()).as("the new GPU key is allowed at once: " + onePort.body()).isEqualTo(201);

        try (Connection db = database(); ResultSet audit = db.createStatement().executeQuery(
                "SELECT actor, target FROM audit_events WHERE action = 'settings.changed' ORDER BY id DESC")) {
            assertThat(audit.next()).isTrue();
            assertThat(audit.getString("actor")).isEqualTo("operator");
            assertThat(audit.getString("target")).contains("catalog.max-ports", "gpu.resource-keys");
        }
    }

    @Test
    void aWrongValueRefusesTheWholeChange() throws Exception {
        String operator = signedIn("operator");
        HttpResponse<String> refused = send("PATCH", "/api/v1/settings", operator,
                "{\"lab.idle-timeout-minutes\": \"30\", \"gpu.default-key\": \"amd.com/gpu\"}", "zh-CN");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("key").asText()).isEqualTo("error.setting.default-key-not-allowed");
        assertThat(problem.path("detail").asText()).startsWith("gpu.default-key: ").contains("默认 GPU 类型");
        JsonNode after = JSON.readTree(send("GET", "/api/v1/settings", operator, null).body());
        assertThat(setting(after, "lab.idle-timeout-minutes").path("value").asText()).as("nothing was stored").isEqualTo("60");

        assertThat(send("PATCH", "/api/v1/settings", operator, "{\"lab.colour\": \"blue\"}").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/api/v1/settings", operator, "{\"upload.max-mib\": \"4096\"}").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/api/v1/settings", operator, "{\"access.mode\": \"INGRESS\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aNewDatasetRootTakesNewUploads() throws Exception {
        Path root = StackExtension.settings().home().resolve("storage-elsewhere/datasets").toAbsolutePath().normalize();
        HttpResponse<String> changed = send("PATCH", "/api/v1/settings", signedIn("operator"),
                "{\"storage.dataset-root\": \"" + root + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        String alice = signedIn("alice");
        send("POST", "/api/v1/datasets", alice, "{\"name\": \"moved\", \"displayName\": \"Moved\"}");
        HttpResponse<String> uploaded = PortalApi.sendBytes("PUT", "/api/v1/datasets/moved/files", alice, "application/zip",
                Zips.of("here.txt", "here"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(root.resolve("north-high/moved/here.txt")).exists();
    }

    @Test
    void onlyThePlatformAdminReadsOrChangesSettings() throws Exception {
        for (String person : new String[] {"alice", "bob", "tom", "sam"}) {
            String token = signedIn(person);
            assertThat(send("GET", "/api/v1/settings", token, null).statusCode()).as(person).isEqualTo(403);
            assertThat(send("PATCH", "/api/v1/settings", token, "{\"catalog.max-ports\": \"8\"}").statusCode()).as(person)
                    .isEqualTo(403);
        }
        assertThat(send("GET", "/api/v1/settings", null, null).statusCode()).isEqualTo(401);
    }

    private static JsonNode setting(JsonNode settings, String key) {
        for (JsonNode setting : settings) {
            if (setting.path("key").asText().equals(key)) {
                return setting;
            }
        }
        throw new AssertionError("No setting " + key + " in " + settings);
    }
}

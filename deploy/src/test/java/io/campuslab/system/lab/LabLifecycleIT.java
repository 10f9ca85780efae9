package io.campuslab.system.lab;

import static io.campuslab.system.LabWatch.inState;
import static io.campuslab.system.LabWatch.waitFor;
import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.GatewayVisitor;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.SystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Labs from request to running to stopped, with the scheduler of the real server working the
 * dev-cluster's simulated scheduler and kubelet: a queue when the school's GPUs are used up, and a
 * failure people can read when an image cannot be pulled.
 */
@SystemTest
class LabLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLabIsRequestedRunsAndStops() throws Exception {
        KeycloakAdmin.createPerson("runa", "student", "north-high");
        String runa = signedIn("runa");
        HttpResponse<String> queued = send("POST", "/api/v1/labs", runa, "{\"template\": \"jupyterlab\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        long id = JSON.readTree(queued.body()).path("id").asLong();

        JsonNode running = waitFor(runa, id, inState("RUNNING"));
        assertThat(running.path("reasonKey").asText()).isEqualTo("lab.reason.running");

        HttpResponse<String> access = send("GET", "/api/v1/labs/" + id + "/access", runa, null);
        assertThat(access.statusCode()).as(access.body()).isIn(200, 409);
        for (int tries = 0; access.statusCode() == 409 && tries < 20; tries++) {
            Thread.sleep(250);
            access = send("GET", "/api/v1/labs/" + id + "/access", runa, null);
        }
        String url = JSON.readTree(access.body()).path("url").asText();
        assertThat(url).matches("http://localhost:\\d+/labs/[a-z2-7]{26}/_campuslab/enter\\?ticket=.+");
        GatewayVisitor browser = new GatewayVisitor();
        HttpResponse<String> lab = browser.get(url);
        assertThat(lab.statusCode()).isEqualTo(200);
        assertThat(lab.body()).contains("jupyterlab", "runa");
        assertThat(lab.uri().toString()).as("through the gateway, no ticket left").endsWith("/labs/" + GatewayVisitor.key(url) + "/");
        assertThat(new GatewayVisitor().get(url.substring(0, url.indexOf("?")) + "?ticket=guess").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/labs/" + id + "/access", signedIn("sue"), null).statusCode())
                .as("only the owner opens a lab").isEqualTo(404);

        send("DELETE", "/api/v1/labs/" + id, runa, null);
        JsonNode stopped = waitFor(runa, id, inState("STOPPED"));
        assertThat(stopped.path("reasonKey").asText()).isEqualTo("lab.reason.stopped-by-user");
    }

    @Test
    void aStudentQueuesWhenTheSchoolsGpusAreUsedUpAndStartsWhenOneIsFreed() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"gpu-academy\", \"name\": \"GPU Academy\"}")
                .statusCode()).isEqualTo(201);
        try (Connection db = database()) {
            db.createStatement().executeUpdate("UPDATE tenants SET quota_gpus = 1 WHERE slug = 'gpu-academy'");
        }
        KeycloakAdmin.createPerson("gina", "student", "gpu-academy");
        KeycloakAdmin.createPerson("gus", "student", "gpu-academy");
        String gina = signedIn("gina");
        String gus = signedIn("gus");

        long ginasLab = JSON.readTree(send("POST", "/api/v1/labs", gina, "{\"template\": \"jupyterlab\", \"gpus\": 1}").body())
                .path("id").asLong();
        waitFor(gina, ginasLab, inState("RUNNING"));
        long gusLab = JSON.readTree(send("POST", "/api/v1/labs", gus, "{\"template\": \"jupyterlab\", \"gpus\": 1}").body())
                .path("id").asLong();

        JsonNode waiting = waitFor(gus, gusLab, lab -> "lab.wait.school-gpus".equals(lab.path("reasonKey").asText()));
        assertThat(waiting.path("state").asText()).isEqualTo("QUEUED");
        assertThat(waiting.path("queuePosition").asInt()).isEqualTo(1);
        assertThat(waiting.path("reasonDetail").asText()).isEqualTo("nvidia.com/gpu");

        send("DELETE", "/api/v1/labs/" + ginasLab, gina, null);
        waitFor(gus, gusLab, inState("RUNNING"));
    }

    @Test
    void aLabWhoseImageCannotBePulledFailsAndSaysWhy() throws Exception {
        Asked asked = aNewStudentAsksForALabOf("bruno", "broken-lab", "registry.example/north/lab:fail-pull");
        String bruno = asked.token();
        long id = asked.lab();

        JsonNode failed = waitFor(bruno, id, inState("FAILED"));

        assertThat(failed.path("reasonKey").asText()).isEqualTo("lab.reason.image-pull");
        assertThat(failed.path("reasonDetail").asText()).isEqualTo("registry.example/north/lab:fail-pull");
        assertThat(send("POST", "/api/v1/labs", bruno, "{\"template\": \"jupyterlab\"}").statusCode())
                .as("a failed lab is over: the next can be asked for").isEqualTo(201);
    }

    @Test
    void aLabWhoseServerNeverAnswersStaysStartingThenFailsAndSaysWhy() throws Exception {
        Asked asked = aNewStudentAsksForALabOf("sila", "silent-lab", "registry.example/north/lab:no-answer");
        String sila = asked.token();
        long id = asked.lab();

        JsonNode starting = waitFor(sila, id, lab -> "lab.reason.starting".equals(lab.path("reasonKey").asText()));
        assertThat(starting.path("state").asText()).as("its container runs, its server does not answer").isEqualTo("PROVISIONING");
        assertThat(send("GET", "/api/v1/labs/" + id + "/access", sila, null).statusCode()).as("nothing to open yet").isEqualTo(409);

        JsonNode failed = waitFor(sila, id, inState("FAILED"));
        assertThat(failed.path("reasonKey").asText()).isEqualTo("lab.reason.not-answering");
        assertThat(failed.path("reasonDetail").asText()).as("minutes waited (the tests' patience: 30 s)").isEqualTo("1");
    }

    /** A student's token and the lab they asked for. */
    private record Asked(String token, long lab) {
    }

    /** A new student of North High asks for a lab of a new template of the school with the given image. */
    private static Asked aNewStudentAsksForALabOf(String username, String template, String image) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/templates", signedIn("alice"), """
                {"name": "%s", "displayName": "%s", "cpuImage": "%s",
                 "ports": [{"name": "http", "port": 8888}], "workspacePath": "/home/student/work", "shmMib": 64,
                 "defaultResources": {"cpuMillis": 500, "memoryMib": 512, "gpus": 0},
                 "maxResources": {"cpuMillis": 500, "memoryMib": 512, "gpus": 0}}
                """.formatted(template, template, image));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        KeycloakAdmin.createPerson(username, "student", "north-high");
        String token = signedIn(username);
        HttpResponse<String> asked = send("POST", "/api/v1/labs", token, "{\"template\": \"" + template + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return new Asked(token, JSON.readTree(asked.body()).path("id").asLong());
    }
}

package io.campuslab.system.catalog;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.LabWatch;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Asking for labs through the API: one active lab per member, sizes checked, each school its own. */
@SystemTest
class LabsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fiftyClicksAtOnceGiveOneLab() throws Exception {
        KeycloakAdmin.createPerson("clicky", "student", "north-high");
        String token = signedIn("clicky");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clicks.add(() -> send("POST", "/api/v1/labs", token, "{\"template\": \"jupyterlab\"}").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(clicks)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode mine = JSON.readTree(send("GET", "/api/v1/labs/mine", token, null).body());
        assertThat(mine).hasSize(1);
        assertThat(mine.path(0).path("state").asText()).as("queued, or already admitted by the scheduler")
                .isIn("QUEUED", "PROVISIONING", "RUNNING");
    }

    @Test
    void aQueuedLabIsStoppedByItsOwnerOrTheSchoolAdminOnly() throws Exception {
        KeycloakAdmin.createPerson("quinn", "student", "north-high");
        String quinn = signedIn("quinn");
        HttpResponse<String> queued = send("POST", "/api/v1/labs", quinn,
                "{\"template\": \"jupyterlab\", \"cpuMillis\": 4000, \"memoryMib\": 8192, \"gpus\": 1}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        JsonNode lab = JSON.readTree(queued.body());
        assertThat(lab.path("gpuKey").asText()).isEqualTo("nvidia.com/gpu");
        long id = lab.path("id").asLong();

        assertThat(send("DELETE", "/api/v1/labs/" + id, signedIn("bob"), null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/labs/" + id, signedIn("sue"), null).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(send("GET", "/api/v1/labs", signedIn("alice"), null).body()).toString()).contains("quinn");
        assertThat(JSON.readTree(send("GET", "/api/v1/labs", signedIn("bob"), null).body()).toString()).doesNotContain("quinn");
        assertThat(send("GET", "/api/v1/labs", quinn, null).statusCode()).isEqualTo(403);

        HttpResponse<String> stopped = send("DELETE", "/api/v1/labs/" + id, signedIn("alice"), null);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stopped.body()).path("state").asText()).as("at once when queued, else once its pod is gone")
                .isIn("STOPPED", "STOPPING");
        assertThat(JSON.readTree(stopped.body()).path("reasonKey").asText()).isEqualTo("lab.reason.stopped-by-admin");
        LabWatch.waitFor(quinn, id, LabWatch.inState("STOPPED"));
        assertThat(send("POST", "/api/v1/labs", quinn, "{\"template\": \"vscode\"}").statusCode())
                .as("a stopped lab makes room for the next").isEqualTo(201);
    }

    @Test
    void sizesAndTemplatesOutsideTheCatalogAreRefused() throws Exception {
        KeycloakAdmin.createPerson("rosa", "student", "south-academy");
        String rosa = signedIn("rosa");
        HttpResponse<String> tooBig = send("POST", "/api/v1/labs", rosa, "{\"template\": \"jupyterlab\", \"cpuMillis\": 64000}");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooBig.body()).path("key").asText()).isEqualTo("error.lab.cpu-out-of-range");
        HttpResponse<String> cpuOnly = send("POST", "/api/v1/labs", rosa, "{\"template\": \"vscode\", \"gpus\": 1}");
        assertThat(JSON.readTree(cpuOnly.body()).path("key").asText()).isIn("error.lab.gpus-out-of-range", "error.lab.no-gpu-image");
        assertThat(send("POST", "/api/v1/labs", rosa, "{\"template\": \"no-such-lab\"}").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/labs", signedIn("operator"), "{\"template\": \"jupyterlab\"}").statusCode())
                .isEqualTo(403);
        assertThat(JSON.readTree(send("GET", "/api/v1/labs/mine", rosa, null).body())).isEmpty();
    }

    /**
     * Every template of the catalog, as a new school sees it, runs on the real API server: on host
     * folders (the school's namespace at the privileged Pod Security level) and on claims (restricted),
     * so each pod the catalog can produce passes the real admission chain.
     */
    @Test
    void everyTemplateOfTheCatalogIsAdmittedByTheClusterOnHostFoldersAndOnClaims() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"catalog-college\", \"name\": \"Catalog College\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("cat-first", "student", "catalog-college");
        List<String> templates = new ArrayList<>();
        JSON.readTree(send("GET", "/api/v1/templates", signedIn("cat-first"), null).body())
                .forEach(template -> templates.add(template.path("name").asText()));
        assertThat(templates).contains("jupyterlab", "vscode", "desktop", "keras", "paddlepaddle");
        // the cluster's operator made the storage class of the school files, as the settings name it
        StackExtension.devCluster().offerStorageClass("campuslab-files");
        try {
            for (String mode : List.of("HOST_PATH", "CLAIM")) {
                assertThat(send("PATCH", "/api/v1/settings", operator, "{\"storage.workspace-mode\": \"" + mode
                        + "\", \"storage.school-files-class\": \"campuslab-files\"}").statusCode()).isEqualTo(200);
                java.util.Map<String, Long> labs = new java.util.LinkedHashMap<>();
                java.util.Map<String, String> tokens = new java.util.HashMap<>();
                for (String template : templates) {
                    String person = "cat-" + mode.toLowerCase(java.util.Locale.ROOT).replace("_", "") + "-" + template;
                    KeycloakAdmin.createPerson(person, "student", "catalog-college");
                    String token = signedIn(person);
                    HttpResponse<String> requested = send("POST", "/api/v1/labs", token, "{\"template\": \"" + template + "\"}");
                    assertThat(requested.statusCode()).as(template + ": " + requested.body()).isEqualTo(201);
                    labs.put(template, JSON.readTree(requested.body()).path("id").asLong());
                    tokens.put(template, token);
                }
                for (java.util.Map.Entry<String, Long> lab : labs.entrySet()) {
                    LabWatch.waitFor(tokens.get(lab.getKey()), lab.getValue(), LabWatch.inState("RUNNING"));
                }
                try (var client = StackExtension.devCluster().client()) {
                    assertThat(client.namespaces().withName("cl-catalog-college").get().getMetadata().getLabels())
                            .containsEntry("pod-security.kubernetes.io/enforce", mode.equals("CLAIM") ? "restricted" : "privileged");
                }
                for (java.util.Map.Entry<String, Long> lab : labs.entrySet()) {
                    assertThat(send("DELETE", "/api/v1/labs/" + lab.getValue(), tokens.get(lab.getKey()), null).statusCode()).isEqualTo(200);
                }
                for (java.util.Map.Entry<String, Long> lab : labs.entrySet()) {
                    LabWatch.waitFor(tokens.get(lab.getKey()), lab.getValue(), LabWatch.inState("STOPPED"));
                }
            }
        } finally {
            send("PATCH", "/api/v1/settings", operator, "{\"storage.workspace-mode\": \"HOST_PATH\"}");
        }
    }
}

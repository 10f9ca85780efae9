package io.campuslab.system.course;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Zips;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Datasets through the API: uploads checked and swapped whole, each school seeing only its own. */
@SystemTest
class DatasetsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void schoolAdminFillsADatasetThatOnlyTheSchoolSees() throws Exception {
        String alice = signedIn("alice");
        assertThat(send("POST", "/api/v1/datasets", alice,
                "{\"name\": \"weather\", \"displayName\": \"Weather 2025\", \"description\": \"Daily readings\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> uploaded = upload("weather", alice, Zips.of("readings/2025.csv", "day,temp\n1,3.5\n", "说明.txt", "天气数据"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(uploaded.body()).path("files").asInt()).isEqualTo(2);

        assertThat(paths(send("GET", "/api/v1/datasets/weather/files", signedIn("sam"), null).body()))
                .containsExactly("readings/2025.csv", "说明.txt");
        assertThat(names(send("GET", "/api/v1/datasets", signedIn("sam"), null).body())).contains("weather");
        assertThat(names(send("GET", "/api/v1/datasets", signedIn("stan"), null).body())).doesNotContain("weather");
        assertThat(send("GET", "/api/v1/datasets/weather/files", signedIn("stan"), null).statusCode()).isEqualTo(404);
        assertThat(upload("weather", signedIn("bob"), Zips.of("x.txt", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void hostileArchiveIsRefusedAndTheFilesStayAsTheyWere() throws Exception {
        String alice = signedIn("alice");
        send("POST", "/api/v1/datasets", alice, "{\"name\": \"images\", \"displayName\": \"Images\"}");
        assertThat(upload("images", alice, Zips.of("cat.txt", "meow")).statusCode()).isEqualTo(200);

        HttpResponse<String> hostile = upload("images", alice, Zips.of("dog.txt", "woof", "../../../escape.txt", "evil"));

        assertThat(hostile.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(hostile.body());
        assertThat(problem.path("key").asText()).isEqualTo("error.upload.parent-path");
        assertThat(problem.path("detail").asText()).contains("../../../escape.txt");
        assertThat(paths(send("GET", "/api/v1/datasets/images/files", alice, null).body())).containsExactly("cat.txt");

        HttpResponse<String> notZip = upload("images", alice, "just text".getBytes());
        assertThat(JSON.readTree(notZip.body()).path("key").asText()).isEqualTo("error.upload.not-a-zip");
    }

    @Test
    void globalDatasetsReachEverySchoolAndOnlyTheOperatorChangesThem() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/datasets", operator, "{\"name\": \"mnist-sample\", \"displayName\": \"MNIST sample\"}")
                .statusCode()).isEqualTo(201);
        assertThat(upload("mnist-sample", operator, Zips.of("train.csv", "label,pixels\n")).statusCode()).isEqualTo(200);

        assertThat(names(send("GET", "/api/v1/datasets", signedIn("sam"), null).body())).contains("mnist-sample");
        assertThat(names(send("GET", "/api/v1/datasets", signedIn("stan"), null).body())).contains("mnist-sample");
        HttpResponse<String> alice = upload("mnist-sample", signedIn("alice"), Zips.of("x.txt", "x"));
        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(alice.body()).path("key").asText()).isEqualTo("error.dataset.global-read-only");
    }

    @Test
    void aSchoolAdminRetitlesAndDeletesTheSchoolsDatasetWithItsFiles() throws Exception {
        String alice = signedIn("alice");
        send("POST", "/api/v1/datasets", alice, "{\"name\": \"old-maps\", \"displayName\": \"Old maps\"}");
        assertThat(upload("old-maps", alice, Zips.of("map.txt", "north")).statusCode()).isEqualTo(200);
        Path folder = StackExtension.settings().home().resolve("storage/datasets/north-high/old-maps");
        assertThat(folder.resolve("map.txt")).exists();

        HttpResponse<String> retitled = send("PUT", "/api/v1/datasets/old-maps", alice,
                "{\"displayName\": \"Maps of 1900\", \"description\": \"Scanned\"}");
        assertThat(retitled.statusCode()).as(retitled.body()).isEqualTo(200);
        assertThat(JSON.readTree(retitled.body()).path("displayName").asText()).isEqualTo("Maps of 1900");

        assertThat(send("DELETE", "/api/v1/datasets/old-maps", signedIn("bob"), null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/datasets/old-maps", signedIn("tom"), null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/datasets/mnist-sample", alice, null).statusCode()).isIn(403, 404);
        assertThat(send("DELETE", "/api/v1/datasets/old-maps", alice, null).statusCode()).isEqualTo(204);
        assertThat(names(send("GET", "/api/v1/datasets", signedIn("sam"), null).body())).doesNotContain("old-maps");
        assertThat(folder).doesNotExist();
    }

    @Test
    void studentsAndTeachersCannotCreateDatasets() throws Exception {
        assertThat(send("POST", "/api/v1/datasets", signedIn("sam"), "{\"name\": \"mine\", \"displayName\": \"Mine\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/datasets", signedIn("tom"), "{\"name\": \"mine\", \"displayName\": \"Mine\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> invalid = send("POST", "/api/v1/datasets", signedIn("alice"), "{\"name\": \"My Data\", \"displayName\": \"x\"}");
        assertThat(JSON.readTree(invalid.body()).path("key").asText()).isEqualTo("error.dataset.name-invalid");
    }

    private static HttpResponse<String> upload(String dataset, String token, byte[] zip) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + StackExtension.settings().portalPort() + "/api/v1/datasets/" + dataset + "/files"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(String json) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(json).forEach(d -> names.add(d.path("name").asText()));
        return names;
    }

    private static List<String> paths(String json) throws Exception {
        List<String> paths = new ArrayList<>();
        JSON.readTree(json).forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }
}

package io.campuslab.system.course;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Zips;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Courses through the API: kept by the school admin, material by the course's teachers, per school. */
@SystemTest
class CoursesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCoursesTeacherUploadsMaterialThatTheSchoolSees() throws Exception {
        String alice = signedIn("alice");
        signedIn("tom");
        HttpResponse<String> created = send("POST", "/api/v1/courses", alice, """
                {"name": "python-101", "title": "Python for beginners", "level": "Grade 7",
                 "description": "Variables, loops, functions", "defaultTemplate": "jupyterlab", "teachers": ["tom"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("teachers").toString()).isEqualTo("[\"tom\"]");

        HttpResponse<String> uploaded = multipart("/api/v1/courses/python-101/material", signedIn("tom"),
                Zips.of("lesson-1/intro.ipynb", "{}", "lesson-1/数据.csv", "a,b\n"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(uploaded.body()).path("materialFiles").asInt()).isEqualTo(2);

        JsonNode files = JSON.readTree(send("GET", "/api/v1/courses/python-101/material", signedIn("sam"), null).body());
        assertThat(files.path(1).path("path").asText()).isEqualTo("lesson-1/数据.csv");
        assertThat(send("GET", "/api/v1/courses", signedIn("stan"), null).body()).doesNotContain("python-101");
        assertThat(send("GET", "/api/v1/courses/python-101/material", signedIn("stan"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheCoursesOwnTeachersAndTheAdminChangeItsMaterial() throws Exception {
        String alice = signedIn("alice");
        signedIn("tom");
        assertThat(send("POST", "/api/v1/courses", alice, "{\"name\": \"art\", \"title\": \"Art\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> tom = multipart("/api/v1/courses/art/material", signedIn("tom"), Zips.of("a.txt", "a"));
        assertThat(tom.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(tom.body()).path("key").asText()).isEqualTo("error.course.not-your-course");
        assertThat(multipart("/api/v1/courses/art/material", signedIn("sam"), Zips.of("a.txt", "a")).statusCode()).isEqualTo(403);
        assertThat(multipart("/api/v1/courses/art/material", alice, Zips.of("a.txt", "a")).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/courses", signedIn("tom"), "{\"name\": \"mine\", \"title\": \"Mine\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongTeachersTemplatesAndNamesAreRefused() throws Exception {
        String alice = signedIn("alice");
        signedIn("sam");
        signedIn("tina");
        HttpResponse<String> student = send("POST", "/api/v1/courses", alice, "{\"name\": \"c1\", \"title\": \"C\", \"teachers\": [\"sam\"]}");
        assertThat(JSON.readTree(student.body()).path("key").asText()).isEqualTo("error.course.teacher-unknown");
        HttpResponse<String> otherSchool = send("POST", "/api/v1/courses", alice, "{\"name\": \"c1\", \"title\": \"C\", \"teachers\": [\"tina\"]}");
        assertThat(JSON.readTree(otherSchool.body()).path("key").asText()).isEqualTo("error.course.teacher-unknown");
        HttpResponse<String> template = send("POST", "/api/v1/courses", alice, "{\"name\": \"c1\", \"title\": \"C\", \"defaultTemplate\": \"nope\"}");
        assertThat(JSON.readTree(template.body()).path("key").asText()).isEqualTo("error.course.template-unknown");
        HttpResponse<String> name = send("POST", "/api/v1/courses", alice, "{\"name\": \"C 1\", \"title\": \"C\"}");
        assertThat(JSON.readTree(name.body()).path("key").asText()).isEqualTo("error.course.name-invalid");
    }

    @Test
    void deletingACourseRemovesItsMaterial() throws Exception {
        String alice = signedIn("alice");
        send("POST", "/api/v1/courses", alice, "{\"name\": \"old-course\", \"title\": \"Old\"}");
        HttpResponse<String> zipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/courses/old-course/material"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/zip").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Zips.of("x.txt", "x"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(zipped.statusCode()).isEqualTo(200);

        assertThat(send("DELETE", "/api/v1/courses/old-course", alice, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/courses/old-course/material", alice, null).statusCode()).isEqualTo(404);
        assertThat(java.nio.file.Files.exists(StackExtension.settings().home().resolve("storage/courses/north-high/old-course"))).isFalse();
    }

    private static HttpResponse<String> multipart(String path, String token, byte[] zip) throws Exception {
        String boundary = "campuslab-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"material.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://localhost:" + StackExtension.settings().portalPort();
    }
}

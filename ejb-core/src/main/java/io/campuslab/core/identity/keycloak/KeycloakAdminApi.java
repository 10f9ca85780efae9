package io.campuslab.core.identity.keycloak;

import io.campuslab.core.identity.DirectoryRefusedException;
import io.campuslab.core.identity.DirectoryUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak's admin REST API for one realm, with a token of a client's service account that is
 * fetched when needed and reused until shortly before it expires.
 */
final class KeycloakAdminApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(KeycloakAdminApi.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String realmUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    /** @param realmUrl the provider URL, e.g. {@code http://localhost:8180/realms/campuslab} */
    KeycloakAdminApi(String realmUrl, String clientId, String clientSecret) {
        this(realmUrl, realmUrl.replaceAll("/+$", "").replaceFirst("/realms/", "/admin/realms/"), clientId, clientSecret);
    }

    /**
     * @param realmUrl the realm of the client's service account, which issues its tokens
     * @param adminUrl where the calls go, e.g. {@code http://localhost:8180/admin/realms} for every realm
     */
    KeycloakAdminApi(String realmUrl, String adminUrl, String clientId, String clientSecret) {
        this.realmUrl = realmUrl.replaceAll("/+$", "");
        this.adminUrl = adminUrl.replaceAll("/+$", "");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    HttpResponse<String> send(String method, String path, JsonStructure body) throws DirectoryUnavailableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return exchange(request.build(), method + " " + path);
    }

    /** A multipart form with text fields and one file, as Keycloak takes a provider's metadata file. */
    HttpResponse<String> sendForm(String path, java.util.Map<String, String> fields, String fileField, String fileName,
                                  String content) throws DirectoryUnavailableException {
        String boundary = "campuslab-" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/xml\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return exchange(request, "POST " + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    /** The objects of a JSON array answer, such as a list of users, clients or components. */
    static java.util.List<JsonObject> objects(HttpResponse<String> response) {
        return ((jakarta.json.JsonArray) parse(response.body())).getValuesAs(JsonObject.class);
    }

    /** The id of what a POST created, the last segment of its {@code Location}. */
    static String createdId(HttpResponse<String> response, String what) throws DirectoryUnavailableException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new DirectoryUnavailableException(what + ": no Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A refusal (HTTP 400, 409, 422) in Keycloak's own words; any other failure as "cannot be reached". */
    static void requireSuccess(HttpResponse<String> response, String what) throws DirectoryUnavailableException {
        if (response.statusCode() / 100 != 2) {
            LOG.warning(() -> "Keycloak admin API, " + what + ": HTTP " + response.statusCode() + " " + response.body());
            if (response.statusCode() == 400 || response.statusCode() == 409 || response.statusCode() == 422) {
                throw new DirectoryRefusedException(what + ": HTTP " + response.statusCode(), reason(response.body()));
            }
            throw new DirectoryUnavailableException(what + ": HTTP " + response.statusCode());
        }
    }

    /** Keycloak's own words for a refusal ({@code errorMessage} or {@code error}), shortened. */
    static String reason(String body) {
        try {
            JsonObject answer = (JsonObject) parse(body);
            String text = answer.getString("errorMessage", answer.getString("error", ""));
            return text.length() > 200 ? text.substring(0, 200) : text;
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private synchronized String token() throws DirectoryUnavailableException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "service account token");
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailableException("service account token: HTTP " + response.statusCode());
        }
        JsonObject answer = (JsonObject) parse(response.body());
        token = answer.getString("access_token");
        tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.getInt("expires_in", 60) - 30));
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws DirectoryUnavailableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryUnavailableException(what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException(what + ": interrupted");
        }
    }
}

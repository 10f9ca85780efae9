package io.campuslab.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real access tokens from the test Keycloak, through the demo realm's campuslab-cli client. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    public static String of(String username) throws IOException, InterruptedException {
        return of(username, "campuslab-cli");
    }

    /** A token of the realm issued to another client, such as Keycloak's own {@code admin-cli}. */
    public static String of(String username, String clientId) throws IOException, InterruptedException {
        HttpResponse<String> response = grant(username, "campuslab", clientId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    /** The token endpoint's answer to a password grant, whatever it is. */
    public static HttpResponse<String> grant(String username, String password, String clientId) throws IOException, InterruptedException {
        return fromRealm("campuslab", "grant_type=password&client_id=" + clientId
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** The answer of a realm's token endpoint of the test Keycloak to a form, whatever it is. */
    static HttpResponse<String> fromRealm(String realm, String form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + StackExtension.settings().keycloakPort()
                        + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

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
final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    static String of(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=campuslab-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=campuslab";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        StackExtension.settings().oidcProviderUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}

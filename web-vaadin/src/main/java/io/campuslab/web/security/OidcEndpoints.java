package io.campuslab.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity provider's end-session endpoint, from its discovery document. The provider URL is
 * the same setting the server's elytron-oidc-client uses ({@code campuslab.oidc.provider-url}).
 */
@ApplicationScoped
public class OidcEndpoints {

    private static final Logger LOG = Logger.getLogger(OidcEndpoints.class.getName());

    @Inject
    @ConfigProperty(name = "campuslab.oidc.provider-url", defaultValue = "http://localhost:8180/realms/campuslab")
    String providerUrl;

    private volatile String endSession;

    /** Keycloak's account console, where people change their password, language and see their sessions. */
    public String accountConsole() {
        return providerUrl.replaceAll("/+$", "") + "/account";
    }

    public String endSession() {
        String endpoint = endSession;
        if (endpoint == null) {
            endpoint = discover().orElse(providerUrl + "/protocol/openid-connect/logout");
            endSession = endpoint;
        }
        return endpoint;
    }

    private java.util.Optional<String> discover() {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(providerUrl + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject document = reader.readObject();
                return java.util.Optional.ofNullable(document.getString("end_session_endpoint", null));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "OIDC discovery failed, using the Keycloak logout path: " + e.getMessage());
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}

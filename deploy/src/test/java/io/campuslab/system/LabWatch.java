package io.campuslab.system;

import static io.campuslab.system.PortalApi.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Waits, through the API, for a lab to get where a test expects it; the server's scheduler moves it. */
public final class LabWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabWatch() {
    }

    /** The owner's view of the lab once the condition holds; fails after 60 seconds with the last state seen. */
    public static JsonNode waitFor(String ownerToken, long id, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode lab = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode candidate : JSON.readTree(send("GET", "/api/v1/labs/mine", ownerToken, null).body())) {
                if (candidate.path("id").asLong() == id) {
                    lab = candidate;
                }
            }
            if (lab != null && condition.test(lab)) {
                return lab;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Lab " + id + " did not get there in 60 s; last seen: " + lab);
    }

    public static Predicate<JsonNode> inState(String state) {
        return lab -> state.equals(lab.path("state").asText());
    }
}

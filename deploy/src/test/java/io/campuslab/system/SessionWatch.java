package io.campuslab.system;

import static io.campuslab.system.PortalApi.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** Reads a session through the API as its teacher, for browser tests that act on it in the console. */
public final class SessionWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionWatch() {
    }

    public static JsonNode session(String teacherToken, long session) throws Exception {
        return JSON.readTree(send("GET", "/api/v1/sessions/" + session, teacherToken, null).body());
    }

    /** When the session ends once it no longer ends at {@code before} (a click took effect), or {@code before} after 15 s. */
    public static Instant endsAtOtherThan(String teacherToken, long session, Instant before) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        Instant end = before;
        while (end.equals(before) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            end = Instant.parse(session(teacherToken, session).path("endsAt").asText());
        }
        return end;
    }
}

package io.campuslab.devcluster;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A failure the dev-cluster plays for clients from outside the simulator (the portal, kubectl), so
 * that tests and operators can see how CampusLab behaves when the API misbehaves. A fault may be
 * narrowed to one HTTP method and one resource, for example only {@code POST pods}.
 *
 * @param kind   what goes wrong
 * @param method the HTTP method it applies to, or empty for all
 * @param resource the resource collection it applies to ({@code pods}), or empty for all
 * @param delay  how long each answer is held back for {@link Kind#SLOW}
 */
public record Fault(Kind kind, Optional<String> method, Optional<String> resource, Duration delay) {

    /** The kinds of failure. */
    public enum Kind {
        /** The API server does not accept connections. */
        DOWN,
        /** Every answer comes late by the fault's delay. */
        SLOW,
        /** Every answer is 500 Internal Server Error. */
        SERVER_ERROR,
        /** Every write is 409 Conflict, as if someone else had changed or created the object. */
        CONFLICT
    }

    public Fault {
        method = method.map(m -> m.toUpperCase(Locale.ROOT));
    }

    public static Fault down() {
        return new Fault(Kind.DOWN, Optional.empty(), Optional.empty(), Duration.ZERO);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, Optional.empty(), Optional.empty(), delay);
    }

    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, Optional.empty(), Optional.empty(), Duration.ZERO);
    }

    public static Fault conflict() {
        return new Fault(Kind.CONFLICT, Optional.of("POST"), Optional.empty(), Duration.ZERO);
    }

    /** The same fault, for one method on one resource only. */
    public Fault on(String onlyMethod, String onlyResource) {
        return new Fault(kind, Optional.of(onlyMethod), Optional.of(onlyResource), delay);
    }

    boolean appliesTo(String requestMethod, ApiPath path) {
        return method.map(m -> m.equals(requestMethod)).orElse(true)
                && resource.map(r -> r.equals(path.resource())).orElse(true);
    }
}

package io.campuslab.core.gateway;

import io.campuslab.core.gateway.GatewayPasses.Kind;
import io.campuslab.core.gateway.GatewayPasses.Pass;
import io.campuslab.core.gateway.GatewayPasses.Standing;
import java.io.IOException;
import java.nio.channels.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What the gateway knows, in memory, for every request: the running labs by key, the passes, the
 * connections held open into labs, and the traffic seen. Filled and refreshed by {@link GatewayRefresh};
 * asked by the web module's proxy without any remote call or query. Thread-safe.
 */
public final class GatewayDirectory {

    /** Traffic of a lab is written at most this often. */
    public static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(GatewayDirectory.class.getName());

    private final Clock clock;
    private volatile Map<String, LabRoute> routes = Map.of();
    private volatile Map<Long, LabRoute> routesByLab = Map.of();
    private volatile GatewayPasses passes;
    private volatile Optional<String> labDomain = Optional.empty();
    private final Map<String, Instant> usedTickets = new ConcurrentHashMap<>();
    private final Map<Long, Instant> seen = new ConcurrentHashMap<>();
    private final Map<Long, Instant> written = new ConcurrentHashMap<>();
    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    public GatewayDirectory(Clock clock) {
        this.clock = clock;
    }

    /** A connection held open into a lab (a WebSocket), closed when its holder may no longer be there. */
    private record Held(long labId, String subject, Standing standing, Channel connection) {
    }

    // ---- filled by the refresh

    public void useSecret(byte[] secret) {
        this.passes = new GatewayPasses(secret);
    }

    /** Replaces the routes; connections into labs that stopped, or of people who may no longer be there, close. */
    public void replace(List<LabRoute> fresh, Optional<String> domain) {
        Map<String, LabRoute> byKey = LabRoute.byKey(fresh);
        Map<Long, LabRoute> byLab = new HashMap<>();
        fresh.forEach(route -> byLab.put(route.labId(), route));
        routes = byKey;
        routesByLab = Map.copyOf(byLab);
        labDomain = domain;
        held.removeIf(connection -> !connection.connection().isOpen());
        for (Held connection : held) {
            LabRoute route = byLab.get(connection.labId());
            if (route == null || !route.admits(connection.subject(), connection.standing())) {
                close(connection);
            }
        }
        Instant now = clock.instant();
        usedTickets.values().removeIf(expires -> expires.isBefore(now));
        seen.keySet().removeIf(lab -> !byLab.containsKey(lab));
        written.keySet().removeIf(lab -> !byLab.containsKey(lab));
    }

    public boolean ready() {
        return passes != null;
    }

    // ---- asked by the proxy

    public Optional<LabRoute> route(String key) {
        return Optional.ofNullable(routes.get(key));
    }

    /** The route of a lab by its id, when it runs and is reachable. */
    public Optional<LabRoute> routeOf(long labId) {
        return Optional.ofNullable(routesByLab.get(labId));
    }

    /** Where labs live: on their own host below this domain, or (empty) below /labs/ on the portal's host. */
    public Optional<String> labDomain() {
        return labDomain;
    }

    /** A one-time ticket for a person to enter a lab, for the address the portal sends them to. */
    public String ticket(long labId, String subject, Standing standing) {
        return requirePasses().issue(Kind.TICKET, labId, subject, standing, clock.instant());
    }

    /** The pass of a ticket for this lab, used up: a ticket opens the door once. */
    public Optional<Pass> redeem(String ticket, LabRoute route) {
        Optional<Pass> pass = valid(ticket, Kind.TICKET, route);
        if (pass.isPresent() && usedTickets.putIfAbsent(pass.get().nonce(), pass.get().expires()) != null) {
            return Optional.empty();
        }
        return pass;
    }

    /** The pass of a lab's cookie, if it is valid for this lab and its holder may still be there. */
    public Optional<Pass> admit(String cookie, LabRoute route) {
        return valid(cookie, Kind.COOKIE, route);
    }

    /** A (new) cookie for the holder of a pass. */
    public String cookie(Pass pass) {
        return requirePasses().issue(Kind.COOKIE, pass.labId(), pass.subject(), pass.standing(), clock.instant());
    }

    /** A new cookie for a pass with less than half of its life left, to keep a lab in use open. */
    public Optional<String> renewal(Pass pass) {
        return pass.dueForRenewal(clock.instant()) ? Optional.of(cookie(pass)) : Optional.empty();
    }

    /** A request or a WebSocket frame reached the lab, or came back from it: the lab is in use. */
    public void touch(long labId) {
        seen.put(labId, clock.instant());
    }

    /** Keeps a connection into a lab (until it closes) to close it when its holder may no longer be there. */
    public void hold(long labId, Pass pass, Channel connection) {
        held.add(new Held(labId, pass.subject(), pass.standing(), connection));
    }

    /** How many connections into labs are held open. */
    public int heldConnections() {
        return held.size();
    }

    // ---- written by the refresh

    /**
     * The traffic to write: per lab the last time it was used, for labs not written within the last
     * minute. What is returned counts as written.
     */
    public Map<Long, Instant> trafficToWrite() {
        Map<Long, Instant> due = new HashMap<>();
        seen.forEach((lab, at) -> {
            Instant last = written.get(lab);
            if (last == null || !at.isBefore(last.plus(WRITE_EVERY))) {
                due.put(lab, at);
                written.put(lab, at);
            }
        });
        return due;
    }

    private Optional<Pass> valid(String text, Kind kind, LabRoute route) {
        GatewayPasses current = passes;
        if (current == null || text == null) {
            return Optional.empty();
        }
        return current.verify(text, kind, clock.instant())
                .filter(pass -> pass.labId() == route.labId() && route.admits(pass.subject(), pass.standing()));
    }

    private GatewayPasses requirePasses() {
        GatewayPasses current = passes;
        if (current == null) {
            throw new IllegalStateException("The gateway has no secret yet");
        }
        return current;
    }

    private void close(Held connection) {
        held.remove(connection);
        try {
            connection.connection().close();
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Closing a connection into lab " + connection.labId() + ": " + e.getMessage());
        }
        LOG.info(() -> "Closed a connection of " + connection.subject() + " into lab " + connection.labId()
                + ": the lab stopped or the person may no longer be there");
    }
}

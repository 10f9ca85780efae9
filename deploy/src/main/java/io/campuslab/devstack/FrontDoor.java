package io.campuslab.devstack;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One address for several portal nodes, as the chart's Ingress gives a cluster: each browser is
 * kept on one node by the {@value #COOKIE} cookie (its Vaadin session lives there), and sent to
 * another running node when its own stops — where it signs in again through Keycloak's single
 * sign-on without a password. Every half second the door looks at each node: one that refuses
 * connections is down, one whose management interface says ready is up again; a slow or unready
 * answer changes nothing (a busy node keeps its people, a node still deploying gets none).
 */
final class FrontDoor implements AutoCloseable {

    /** The affinity cookie; the chart's Ingress uses the same name. */
    static final String COOKIE = "CL_ROUTE";
    private static final Duration LOOK_EVERY = Duration.ofMillis(500);

    private final Undertow server;
    private final Map<String, HttpHandler> proxies = new LinkedHashMap<>();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "campuslab-front-door");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(400)).build();

    private FrontDoor(int port, List<PortalNode> nodes) {
        for (PortalNode node : nodes) {
            LoadBalancingProxyClient client = new LoadBalancingProxyClient()
                    .addHost(URI.create("http://127.0.0.1:" + node.httpPort()))
                    .setConnectionsPerThread(32).setMaxQueueSize(1024).setProblemServerRetry(1);
            // the Host header passes unchanged: the portal builds its sign-in return address from it
            proxies.put(node.name(), ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(-1)
                    .setRewriteHostHeader(false).build());
            ready.put(node.name(), false);
        }
        server = Undertow.builder().addHttpListener(port, "localhost")
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, -1)
                .setHandler(this::route).build();
        looker.scheduleWithFixedDelay(() -> nodes.forEach(this::look), 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static FrontDoor open(int port, List<PortalNode> nodes) throws StackException {
        FrontDoor door = new FrontDoor(port, nodes);
        try {
            door.server.start();
        } catch (RuntimeException e) {
            door.looker.shutdownNow();
            throw new StackException("The front door for the portal nodes cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        return door;
    }

    private void route(HttpServerExchange exchange) throws Exception {
        Cookie cookie = exchange.getRequestCookie(COOKIE);
        String wanted = cookie == null ? null : cookie.getValue();
        Optional<String> node = wanted != null && Boolean.TRUE.equals(ready.get(wanted)) ? Optional.of(wanted) : next();
        if (node.isEmpty()) {
            // none up: the browser's own node, or the first, answers for itself (503 while it is down)
            node = Optional.of(wanted != null && proxies.containsKey(wanted) ? wanted : proxies.keySet().iterator().next());
        }
        if (!node.get().equals(wanted)) {
            exchange.setResponseCookie(new CookieImpl(COOKIE, node.get()).setPath("/").setHttpOnly(true).setSameSiteMode("Lax"));
        }
        proxies.get(node.get()).handleRequest(exchange);
    }

    /** The next ready node, in turn: new browsers are spread over the nodes. */
    private Optional<String> next() {
        List<String> up = ready.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
        return up.isEmpty() ? Optional.empty() : Optional.of(up.get(Math.floorMod(turn.getAndIncrement(), up.size())));
    }

    private void look(PortalNode node) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", node.httpPort()), 1000);
        } catch (java.net.ConnectException refused) {
            ready.put(node.name(), false);
            return;
        } catch (java.io.IOException slow) {
            return;
        }
        if (Boolean.TRUE.equals(ready.get(node.name()))) {
            return;
        }
        try {
            if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.managementPort() + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                ready.put(node.name(), true);
            }
        } catch (java.io.IOException notYet) {
            // still starting, or busy: looked at again in half a second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        looker.shutdownNow();
        server.stop();
    }
}

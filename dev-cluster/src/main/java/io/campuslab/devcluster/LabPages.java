package io.campuslab.devcluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What stands behind each lab's NodePort on the simulated cluster: the node port is given out as
 * the API server would (30000 and up), and a small page answers on it, naming the lab's template
 * and owner. The page asks for the lab's token as a lab would; each visit with the right token
 * is written on the pod as its last activity, which the portal reads like a lab's own activity.
 */
final class LabPages {

    static final String LAST_ACTIVITY = "campuslab.io/last-activity";
    private static final Logger LOG = Logger.getLogger(LabPages.class.getName());
    private static final int FIRST_NODE_PORT = 30000;
    private static final int LAST_NODE_PORT = 32767;

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<Integer, HttpServer> pages = new ConcurrentHashMap<>();

    LabPages(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Gives each NodePort service of a lab its node ports and a page on them; closes pages of services gone. */
    void pass(List<Service> services) {
        Map<Integer, Boolean> wanted = new HashMap<>();
        for (Service service : services) {
            if (!"NodePort".equals(service.getSpec().getType())) {
                continue;
            }
            boolean changed = false;
            for (ServicePort port : service.getSpec().getPorts()) {
                if (port.getNodePort() == null) {
                    Optional<Integer> opened = open(service);
                    if (opened.isEmpty()) {
                        continue;
                    }
                    port.setNodePort(opened.get());
                    changed = true;
                }
                wanted.put(port.getNodePort(), true);
                pages.computeIfAbsent(port.getNodePort(), p -> serve(p, service).orElse(null));
            }
            if (changed) {
                client.services().inNamespace(service.getMetadata().getNamespace()).resource(service).update();
            }
        }
        pages.keySet().removeIf(port -> {
            if (wanted.containsKey(port)) {
                return false;
            }
            pages.get(port).stop(0);
            return true;
        });
    }

    void close() {
        pages.values().forEach(server -> server.stop(0));
        pages.clear();
    }

    private Optional<Integer> open(Service service) {
        for (int port = FIRST_NODE_PORT; port <= LAST_NODE_PORT; port++) {
            if (pages.containsKey(port)) {
                continue;
            }
            Optional<HttpServer> server = serve(port, service);
            if (server.isPresent()) {
                pages.put(port, server.get());
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    private Optional<HttpServer> serve(int port, Service service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            String namespace = service.getMetadata().getNamespace();
            String name = service.getMetadata().getName();
            server.createContext("/", exchange -> answer(exchange, namespace, name));
            server.start();
            return Optional.of(server);
        } catch (BindException taken) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warning(() -> "No page for " + name(service) + " on port " + port + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void answer(HttpExchange exchange, String namespace, String name) throws IOException {
        Service service = client.services().inNamespace(namespace).withName(name).get();
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        String given = query(exchange).getOrDefault("token", "");
        if (service == null || secret == null || !given.equals(token(secret))) {
            reply(exchange, 403, "<h1>403</h1><p>This lab needs its token: open it from CampusLab.</p>");
            return;
        }
        Map<String, String> labels = service.getMetadata().getLabels();
        String template = labels.getOrDefault("app.kubernetes.io/name", "lab");
        String owner = service.getMetadata().getAnnotations() == null ? ""
                : service.getMetadata().getAnnotations().getOrDefault("campuslab.io/username", "");
        client.pods().inNamespace(namespace).withName(name)
                .edit(pod -> {
                    if (pod.getMetadata().getAnnotations() == null) {
                        pod.getMetadata().setAnnotations(new HashMap<>());
                    }
                    pod.getMetadata().getAnnotations().put(LAST_ACTIVITY, clock.instant().toString());
                    return pod;
                });
        reply(exchange, 200, "<!DOCTYPE html><html><head><title>" + escape(template) + "</title></head><body>"
                + "<h1 id=\"lab-template\">" + escape(template) + "</h1>"
                + "<p id=\"lab-owner\">" + escape(owner) + "</p>"
                + "<p>A simulated lab of the dev-cluster: the real " + escape(template) + " runs here on a cluster.</p>"
                + "</body></html>");
    }

    private static String token(Secret secret) {
        if (secret.getStringData() != null && secret.getStringData().containsKey("token")) {
            return secret.getStringData().get("token");
        }
        if (secret.getData() != null && secret.getData().containsKey("token")) {
            return new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8);
        }
        return "\u0000no token";
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String name(Service service) {
        return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    }
}

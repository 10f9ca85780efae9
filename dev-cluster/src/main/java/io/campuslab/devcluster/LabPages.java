package io.campuslab.devcluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What runs inside each lab's pod on the simulated cluster: a small server per port on a loopback
 * address, found as a real lab is, through its Service's EndpointSlice (the pod's address and the
 * container's port). It answers only requests that carry the lab's token (the gateway adds it), with
 * a page naming the lab's template and owner, and echoes WebSocket messages at any path ending in
 * {@code /echo}, as Jupyter's kernels and code-server's terminals talk to the browser.
 */
final class LabPages {

    private static final Logger LOG = Logger.getLogger(LabPages.class.getName());
    private static final String SERVICE_NAME = "kubernetes.io/service-name";

    private final KubernetesClient client;
    /** True on a real control plane: pages listen on the pod's own address, and the controllers publish the slices. */
    private final boolean onPodAddresses;
    /** The servers of a lab's ports, by namespace/name. */
    private final Map<String, List<Undertow>> servers = new ConcurrentHashMap<>();

    LabPages(KubernetesClient client) {
        this(client, false);
    }

    private LabPages(KubernetesClient client, boolean onPodAddresses) {
        this.client = client;
        this.onPodAddresses = onPodAddresses;
    }

    /**
     * Pages served as a real pod serves them: on the pod's address and its containers' ports, found by
     * the gateway through the EndpointSlices the real controller manager writes.
     */
    static LabPages onPodAddresses(KubernetesClient client) {
        return new LabPages(client, true);
    }

    /**
     * Serves the ports of every lab whose pod runs (on a pod address) or runs and is ready (on the
     * simulated API, publishing their EndpointSlices); stops the others.
     */
    void pass(List<Service> services, List<Pod> pods) {
        Map<String, Pod> podsByName = new HashMap<>();
        pods.forEach(pod -> podsByName.put(name(pod.getMetadata().getNamespace(), pod.getMetadata().getName()), pod));
        Map<String, Boolean> wanted = new HashMap<>();
        for (Service service : services) {
            String id = name(service.getMetadata().getNamespace(), service.getMetadata().getName());
            Pod pod = podsByName.get(id);
            // on a pod's address the server listens once the container runs, and the kubelet's probe makes the pod Ready
            if (!isLab(service) || pod == null || !(onPodAddresses ? running(pod) : ready(pod)) || silent(pod)) {
                continue;
            }
            wanted.put(id, true);
            if (!servers.containsKey(id)) {
                if (onPodAddresses) {
                    startOnPod(service, pod, id);
                } else {
                    start(service, id);
                }
            }
        }
        for (String id : List.copyOf(servers.keySet())) {
            if (!wanted.containsKey(id)) {
                stop(id);
            }
        }
    }

    void close() {
        List.copyOf(servers.keySet()).forEach(this::stop);
    }

    private void start(Service service, String id) {
        String namespace = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        List<Undertow> started = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServicePort port : service.getSpec().getPorts()) {
            Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                    .setHandler(exchange -> answer(exchange, namespace, name, port.getName())).build();
            server.start();
            started.add(server);
            ports.put(port.getName(), ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
        }
        servers.put(id, started);
        EndpointSlice slice = new EndpointSliceBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(SERVICE_NAME, name).addToLabels("app.kubernetes.io/managed-by", "dev-cluster").endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint().withAddresses("127.0.0.1").withNewConditions().withReady(true).endConditions().endEndpoint()
                .withPorts(ports.entrySet().stream().map(p -> new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder()
                        .withName(p.getKey()).withPort(p.getValue()).withProtocol("TCP").build()).toList())
                .build();
        client.discovery().v1().endpointSlices().inNamespace(namespace).resource(slice).createOr(existing -> existing.update());
        LOG.fine(() -> "Lab pages of " + id + " on " + ports);
    }

    private void startOnPod(Service service, Pod pod, String id) {
        String namespace = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        List<Undertow> started = new ArrayList<>();
        for (ServicePort port : service.getSpec().getPorts()) {
            Integer containerPort = containerPort(pod, port);
            if (containerPort == null) {
                continue;
            }
            Undertow server = Undertow.builder().addHttpListener(containerPort, pod.getStatus().getPodIP())
                    .setHandler(exchange -> answer(exchange, namespace, name, port.getName())).build();
            try {
                server.start();
                started.add(server);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Lab pages of " + id + " cannot listen on " + pod.getStatus().getPodIP() + ":" + containerPort + ": " + e);
            }
        }
        servers.put(id, started);
        LOG.fine(() -> "Lab pages of " + id + " on " + pod.getStatus().getPodIP());
    }

    /** The container port a service port targets: by number, or by the container port's name. */
    private static Integer containerPort(Pod pod, ServicePort port) {
        if (port.getTargetPort() == null) {
            return port.getPort();
        }
        if (port.getTargetPort().getIntVal() != null) {
            return port.getTargetPort().getIntVal();
        }
        String named = port.getTargetPort().getStrVal();
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> named.equals(p.getName())).map(io.fabric8.kubernetes.api.model.ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    private void stop(String id) {
        List<Undertow> running = servers.remove(id);
        if (running != null) {
            running.forEach(Undertow::stop);
        }
        if (onPodAddresses) {
            return;
        }
        String[] parts = id.split("/", 2);
        client.discovery().v1().endpointSlices().inNamespace(parts[0]).withName(parts[1]).delete();
    }

    private void answer(HttpServerExchange exchange, String namespace, String name, String port) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(ex -> answer(ex, namespace, name, port));
            return;
        }
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (secret == null || given == null || !given.equals("token " + token(secret))) {
            reply(exchange, 403, "<h1>403</h1><p>This lab needs its token.</p>");
            return;
        }
        if (exchange.getRelativePath().endsWith("/echo")) {
            Handlers.websocket((handshake, channel) -> {
                channel.getReceiveSetter().set(new AbstractReceiveListener() {
                    @Override
                    protected void onFullTextMessage(WebSocketChannel socket, BufferedTextMessage message) {
                        WebSockets.sendText(message.getData(), socket, null);
                    }
                });
                channel.resumeReceives();
            }).handleRequest(exchange);
            return;
        }
        Service service = client.services().inNamespace(namespace).withName(name).get();
        Map<String, String> labels = service == null ? Map.of() : service.getMetadata().getLabels();
        String template = labels.getOrDefault("app.kubernetes.io/name", "lab");
        String owner = service == null || service.getMetadata().getAnnotations() == null ? ""
                : service.getMetadata().getAnnotations().getOrDefault("campuslab.io/username", "");
        exchange.getResponseHeaders().put(new HttpString("Set-Cookie"), "lab-visit=1; Path=/; HttpOnly");
        reply(exchange, 200, "<!DOCTYPE html><html><head><title>" + escape(template) + "</title></head><body>"
                + "<h1 id=\"lab-template\">" + escape(template) + "</h1>"
                + "<p id=\"lab-owner\">" + escape(owner) + "</p>"
                + "<p id=\"lab-port\">" + escape(port) + "</p>"
                + "<p id=\"lab-path\">" + escape(exchange.getRequestURI()) + "</p>"
                + "<p id=\"lab-cookies\">" + escape(String.valueOf(exchange.getRequestHeaders().getFirst(Headers.COOKIE))) + "</p>"
                + "<p>A simulated lab of the dev-cluster: the real " + escape(template) + " runs here on a cluster.</p>"
                + "</body></html>");
    }

    private static boolean isLab(Service service) {
        Map<String, String> labels = service.getMetadata().getLabels();
        return labels != null && "campuslab".equals(labels.get("app.kubernetes.io/managed-by"));
    }

    private static boolean silent(Pod pod) {
        return pod.getSpec().getContainers().stream().anyMatch(c -> c.getImage().contains(SimulatedKubelet.SILENT_IMAGE_MARK));
    }

    private static boolean running(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getPodIP() != null;
    }

    private static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
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

    private static void reply(HttpServerExchange exchange, int status, String html) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseSender().send(html, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String name(String namespace, String name) {
        return namespace + "/" + name;
    }
}

package io.campuslab.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's CRUD dispatcher with what a real API server does and the mock does not: discovery
 * documents (so kubectl works), HTTP watches (the official Java client watches over HTTP, the mock
 * only over WebSocket), and Status bodies for errors.
 */
class SimulatorDispatcher extends KubernetesCrudDispatcher {

    /** How long an HTTP watch without news stays open before it ends with a bookmark. */
    private static final long IDLE_WATCH_MILLIS = 1_000;

    /** The simulator's own parts (kubelet, lab pages) use fabric8's client; everything else is a client from outside. */
    private static final String SIMULATOR_AGENT = "fabric8-kubernetes-client/";

    private final ObjectMapper json = new ObjectMapper();
    private final WatchLog watchLog = new WatchLog();
    private final Faults faults;
    private final ApiAdmission admission = new ApiAdmission(this::stored);
    /**
     * A write, its admission included, is one step, as in the real API server: a quota check sees
     * the pods created before it, a version check the object as the write finds it.
     */
    private final Object writes = new Object();
    private final java.util.concurrent.atomic.AtomicLong outsideRequests = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Set<ApiAccess> outsideAccesses = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, String> discovery = Map.of(
            "/api", resource("discovery/api.json"),
            "/apis", resource("discovery/apis.json"),
            "/api/v1", resource("discovery/api-v1.json"),
            "/apis/networking.k8s.io/v1", resource("discovery/networking-v1.json"));

    SimulatorDispatcher(Faults faults) {
        this.faults = faults;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if ("GET".equals(request.getMethod()) && discovery.containsKey(plainPath)) {
            return jsonResponse(200, discovery.get(plainPath));
        }
        if (!plainPath.startsWith("/api")) {
            return super.dispatch(request);
        }
        ApiPath api = ApiPath.parse(path);
        String agent = request.getHeader("User-Agent");
        boolean fromOutside = agent == null || !agent.startsWith(SIMULATOR_AGENT);
        if (fromOutside) {
            outsideRequests.incrementAndGet();
            outsideAccesses.add(ApiAccess.of(request.getMethod(), api));
        }
        Optional<Fault> fault = fromOutside ? faults.current().filter(f -> f.appliesTo(request.getMethod(), api))
                : Optional.empty();
        if (fault.isPresent() && fault.get().kind() != Fault.Kind.SLOW) {
            return faultResponse(fault.get(), api);
        }
        MockResponse response = fromOutside ? admitted(request, plainPath, api) : handled(request, api);
        fault.ifPresent(slow -> response.setBodyDelay(slow.delay()));
        return response;
    }

    /** The kinds of API requests clients outside the simulator made so far. */
    java.util.Set<ApiAccess> outsideAccesses() {
        return java.util.Set.copyOf(outsideAccesses);
    }

    /** API requests from clients outside the simulator so far (discovery documents not counted). */
    long outsideRequests() {
        return outsideRequests.get();
    }

    private MockResponse admitted(RecordedRequest request, String plainPath, ApiPath api) {
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        if ("GET".equals(request.getMethod())) {
            return handled(request, api);
        }
        synchronized (writes) {
            return admission.check(request.getMethod(), plainPath, api, body).map(this::refusal)
                    .orElseGet(() -> written(request, api));
        }
    }

    private MockResponse handled(RecordedRequest request, ApiPath api) {
        if ("GET".equals(request.getMethod())) {
            if (api.isWatch() && request.getHeader("Upgrade") == null) {
                return httpWatch(api);
            }
            return super.dispatch(request);
        }
        synchronized (writes) {
            return written(request, api);
        }
    }

    private MockResponse written(RecordedRequest request, ApiPath api) {
        MockResponse response = super.dispatch(request);
        recordChange(request.getMethod(), api, response);
        return response;
    }

    /** The object or list stored at an API path, as the API would return it. */
    private Optional<String> stored(String path) {
        MockResponse response = super.handleGet(path);
        return response.code() == 200 && response.getBody() != null
                ? Optional.of(new String(response.getBody().getBytes(), StandardCharsets.UTF_8)) : Optional.empty();
    }

    private MockResponse refusal(ApiAdmission.Refusal refusal) {
        return jsonResponse(refusal.code(), status(refusal.code(), refusal.reason(), refusal.message()).toString());
    }

    private MockResponse faultResponse(Fault fault, ApiPath api) {
        return switch (fault.kind()) {
            case CONFLICT -> jsonResponse(409, status(409, "AlreadyExists", api.resource() + " \""
                    + (api.name() == null ? "" : api.name()) + "\" already exists").toString());
            default -> jsonResponse(500, status(500, "InternalError",
                    "Internal error occurred: the dev-cluster plays a server error").toString());
        };
    }

    private void recordChange(String method, ApiPath api, MockResponse response) {
        if (response.code() >= 300 || response.getBody() == null || api.resource() == null) {
            return;
        }
        String type = switch (method) {
            case "POST" -> "ADDED";
            case "PUT", "PATCH" -> "MODIFIED";
            case "DELETE" -> "DELETED";
            default -> null;
        };
        if (type == null) {
            return;
        }
        try {
            JsonNode object = json.readTree(response.getBody().readUtf8());
            response.setBody(object.toString());
            if (object.has("metadata")) {
                watchLog.record(type, api, object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse httpWatch(ApiPath api) {
        long from = Long.parseLong(api.query().getOrDefault("resourceVersion", "0").isEmpty()
                ? "0" : api.query().getOrDefault("resourceVersion", "0"));
        if (from > 0 && from < watchLog.oldestVersion()) {
            return jsonResponse(200, watchLog.eventLine("ERROR", status(410, "Expired", "too old resource version: " + from)));
        }
        List<WatchLog.Change> changes = watchLog.after(from, api, api.labelSelector());
        StringBuilder body = new StringBuilder();
        changes.forEach(change -> body.append(watchLog.eventLine(change.type(), change.object())));
        long last = changes.isEmpty() ? Math.max(from, watchLog.newestVersion()) : changes.get(changes.size() - 1).resourceVersion();
        if ("true".equals(api.query().get("allowWatchBookmarks")) || changes.isEmpty()) {
            body.append(watchLog.eventLine("BOOKMARK", bookmark(last)));
        }
        MockResponse response = jsonResponse(200, body.toString());
        if (changes.isEmpty()) {
            response.setBodyDelay(IDLE_WATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
        return response;
    }

    private JsonNode bookmark(long resourceVersion) {
        var object = json.createObjectNode();
        object.put("kind", "Bookmark");
        object.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        return object;
    }

    private JsonNode status(int code, String reason, String message) {
        var status = json.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("status", "Failure");
        status.put("reason", reason);
        status.put("message", message);
        status.put("code", code);
        return status;
    }

    private static MockResponse jsonResponse(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String resource(String name) {
        try (InputStream in = SimulatorDispatcher.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

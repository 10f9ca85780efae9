package io.campuslab.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaList;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the real API server refuses and the mock would store: names and labels that break the
 * syntax (422), objects in a namespace that does not exist (404), replacements of an object that
 * changed since it was read (409), changes to a pod's spec beyond what Kubernetes allows (422), and
 * pods that would take a namespace over its ResourceQuota (403).
 * The answers carry the same Status reasons and the same wording as the real API.
 */
final class ApiAdmission {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    /** Resources whose names are DNS-1123 labels; the others are subdomains. */
    private static final Set<String> LABEL_NAMED = Set.of("namespaces", "services");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("pods", "Pod"), Map.entry("services", "Service"),
            Map.entry("secrets", "Secret"), Map.entry("namespaces", "Namespace"), Map.entry("resourcequotas", "ResourceQuota"),
            Map.entry("limitranges", "LimitRange"), Map.entry("networkpolicies", "NetworkPolicy"),
            Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"), Map.entry("ingresses", "Ingress"),
            Map.entry("endpointslices", "EndpointSlice"));

    private final ObjectMapper json = new ObjectMapper();
    private final Function<String, Optional<String>> read;

    /**
     * @param read reads the stored object or list at an API path, empty when there is none
     */
    ApiAdmission(Function<String, Optional<String>> read) {
        this.read = read;
    }

    /** The refusal of a write, or empty when the write may go ahead. */
    Optional<Refusal> check(String method, String plainPath, ApiPath path, String body) {
        if (path.resource() == null || !Set.of("POST", "PUT", "PATCH").contains(method) || isSubresource(plainPath)) {
            return Optional.empty();
        }
        JsonNode object = parse(body);
        if (object == null) {
            return Optional.empty();
        }
        String kind = KINDS.getOrDefault(path.resource(), "Object");
        if (!"PATCH".equals(method)) {
            Optional<Refusal> invalid = syntax(path, kind, object);
            if (invalid.isPresent()) {
                return invalid;
            }
        }
        if (path.namespace() != null && "POST".equals(method)
                && read.apply("/api/v1/namespaces/" + path.namespace()).isEmpty()) {
            return Optional.of(new Refusal(404, "NotFound", "namespaces \"" + path.namespace() + "\" not found"));
        }
        if ("PUT".equals(method) && path.name() != null) {
            Optional<Refusal> stale = staleVersion(plainPath, path, object);
            if (stale.isPresent()) {
                return stale;
            }
        }
        if ("pods".equals(path.resource()) && path.name() != null) {
            return immutableSpec(method, path, object);
        }
        if ("pods".equals(path.resource()) && "POST".equals(method)) {
            return quota(path.namespace(), object);
        }
        return Optional.empty();
    }

    /** A refusal: the status code, the Status reason and its message. */
    record Refusal(int code, String reason, String message) {
    }

    private static boolean isSubresource(String plainPath) {
        return plainPath.matches(".*/(status|binding|eviction|ephemeralcontainers|resize)$");
    }

    private Optional<Refusal> syntax(ApiPath path, String kind, JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText("");
        boolean label = LABEL_NAMED.contains(path.resource());
        Pattern pattern = label ? DNS_LABEL : DNS_SUBDOMAIN;
        int max = label ? 63 : 253;
        if (!name.isEmpty() && (name.length() > max || !pattern.matcher(name).matches())) {
            return invalid(kind, name, "metadata.name: Invalid value: \"" + name + "\": a lowercase RFC 1123 "
                    + (label ? "label" : "subdomain") + " must consist of lower case alphanumeric characters, '-'"
                    + (label ? "" : " or '.'") + ", and must start and end with an alphanumeric character");
        }
        Iterator<Map.Entry<String, JsonNode>> labels = metadata.path("labels").fields();
        while (labels.hasNext()) {
            Map.Entry<String, JsonNode> entry = labels.next();
            if (!validLabelKey(entry.getKey())) {
                return invalid(kind, name, "metadata.labels: Invalid value: \"" + entry.getKey()
                        + "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                        + " with an alphanumeric character");
            }
            String value = entry.getValue().asText("");
            if (!value.isEmpty() && (value.length() > 63 || !LABEL_NAME.matcher(value).matches())) {
                return invalid(kind, name, "metadata.labels: Invalid value: \"" + value
                        + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                        + " and must start and end with an alphanumeric character");
            }
        }
        return Optional.empty();
    }

    private static boolean validLabelKey(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        return (prefix == null || prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches())
                && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
    }

    /**
     * A replacement that names the version it was read at is refused when the object changed since
     * (the API server's optimistic concurrency, checked before the object is validated); one that
     * names no version replaces whatever is stored.
     */
    private Optional<Refusal> staleVersion(String plainPath, ApiPath path, JsonNode change) {
        String version = change.path("metadata").path("resourceVersion").asText("");
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> stored = read.apply(plainPath);
        if (stored.isEmpty() || version.equals(parse(stored.get()).path("metadata").path("resourceVersion").asText(""))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(409, "Conflict", "Operation cannot be fulfilled on " + path.resource() + " \""
                + path.name() + "\": the object has been modified; please apply your changes to the latest version and try again"));
    }

    /** A pod's spec may change only in its containers' images (and a few fields CampusLab never touches). */
    private Optional<Refusal> immutableSpec(String method, ApiPath path, JsonNode change) {
        if (!change.has("spec")) {
            return Optional.empty();
        }
        Optional<String> stored = read.apply("/api/v1/namespaces/" + path.namespace() + "/pods/" + path.name());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        JsonNode before = withoutImages(parse(stored.get()).path("spec"));
        JsonNode after = "PATCH".equals(method) ? merged(before, namesOnlyDropped(withoutImages(change.path("spec"))))
                : withoutImages(change.path("spec"));
        if (withoutEmpty(before).equals(withoutEmpty(after))) {
            return Optional.empty();
        }
        return invalid("Pod", path.name(), "spec: Forbidden: pod updates may not change fields other than"
                + " `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`,"
                + " `spec.tolerations` (only additions to existing tolerations) or"
                + " `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
    }

    private Optional<Refusal> quota(String namespace, JsonNode podJson) {
        Optional<String> quotas = read.apply("/api/v1/namespaces/" + namespace + "/resourcequotas");
        if (quotas.isEmpty()) {
            return Optional.empty();
        }
        Pod pod = Serialization.unmarshal(podJson.toString(), Pod.class);
        Map<String, BigDecimal> wanted = usage(List.of(pod));
        Map<String, BigDecimal> used = usage(read.apply("/api/v1/namespaces/" + namespace + "/pods")
                .map(list -> Serialization.unmarshal(list, PodList.class).getItems()).orElse(List.of()).stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getStatus() == null || !Set.of("Succeeded", "Failed").contains(p.getStatus().getPhase()))
                .toList());
        for (ResourceQuota quota : Serialization.unmarshal(quotas.get(), ResourceQuotaList.class).getItems()) {
            if (quota.getSpec() == null || quota.getSpec().getHard() == null) {
                continue;
            }
            List<String> over = new ArrayList<>();
            StringBuilder requested = new StringBuilder();
            StringBuilder usedText = new StringBuilder();
            StringBuilder limited = new StringBuilder();
            for (Map.Entry<String, Quantity> hard : quota.getSpec().getHard().entrySet()) {
                String resource = hard.getKey();
                BigDecimal limit = Quantity.getAmountInBytes(hard.getValue());
                BigDecimal want = wanted.getOrDefault(resource, BigDecimal.ZERO);
                BigDecimal have = used.getOrDefault(resource, BigDecimal.ZERO);
                if (want.signum() > 0 && have.add(want).compareTo(limit) > 0) {
                    over.add(resource);
                    append(requested, resource, want);
                    append(usedText, resource, have);
                    append(limited, resource, limit);
                }
            }
            if (!over.isEmpty()) {
                return Optional.of(new Refusal(403, "Forbidden", "pods \"" + pod.getMetadata().getName()
                        + "\" is forbidden: exceeded quota: " + quota.getMetadata().getName() + ", requested: " + requested
                        + ", used: " + usedText + ", limited: " + limited));
            }
        }
        return Optional.empty();
    }

    /** What pods count against a quota, by the quota's resource names. */
    private static Map<String, BigDecimal> usage(List<Pod> pods) {
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        for (Pod pod : pods) {
            total.merge("pods", BigDecimal.ONE, BigDecimal::add);
            for (Container container : pod.getSpec().getContainers()) {
                if (container.getResources() == null) {
                    continue;
                }
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                if (requests != null) {
                    requests.forEach((r, q) -> {
                        BigDecimal amount = Quantity.getAmountInBytes(q);
                        total.merge("requests." + r, amount, BigDecimal::add);
                        if (r.equals("cpu") || r.equals("memory")) {
                            total.merge(r, amount, BigDecimal::add);
                        }
                    });
                }
                if (limits != null) {
                    limits.forEach((r, q) -> total.merge("limits." + r, Quantity.getAmountInBytes(q), BigDecimal::add));
                }
            }
        }
        return total;
    }

    private static void append(StringBuilder text, String resource, BigDecimal amount) {
        if (!text.isEmpty()) {
            text.append(',');
        }
        text.append(resource).append('=').append(amount.stripTrailingZeros().toPlainString());
    }

    private static Optional<Refusal> invalid(String kind, String name, String cause) {
        return Optional.of(new Refusal(422, "Invalid", kind + " \"" + name + "\" is invalid: " + cause));
    }

    private JsonNode withoutImages(JsonNode spec) {
        JsonNode copy = spec.deepCopy();
        for (String list : List.of("containers", "initContainers")) {
            copy.path(list).forEach(c -> {
                if (c instanceof ObjectNode container) {
                    container.remove("image");
                }
            });
        }
        if (copy instanceof ObjectNode node) {
            node.remove(List.of("activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds"));
        }
        return copy;
    }

    /**
     * The spec without nulls, empty lists and empty maps: clients write "none" either way (the
     * official Java client sends {@code "volumes": []} where the server stored nothing), and the API
     * server decodes both to the same.
     */
    private static JsonNode withoutEmpty(JsonNode value) {
        if (value instanceof ObjectNode object) {
            ObjectNode kept = object.objectNode();
            object.fields().forEachRemaining(field -> {
                JsonNode inner = withoutEmpty(field.getValue());
                if (!inner.isNull() && !(inner.isContainerNode() && inner.isEmpty())) {
                    kept.set(field.getKey(), inner);
                }
            });
            return kept;
        }
        if (value.isArray()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> kept.add(withoutEmpty(item)));
            return kept;
        }
        return value;
    }

    /** A patch's container lists that only name containers (whose images it changes) say nothing else. */
    private static JsonNode namesOnlyDropped(JsonNode spec) {
        if (spec instanceof ObjectNode node) {
            for (String list : List.of("containers", "initContainers")) {
                JsonNode containers = node.path(list);
                boolean namesOnly = containers.isArray();
                for (JsonNode c : containers) {
                    namesOnly &= c.size() == 1 && c.has("name");
                }
                if (namesOnly) {
                    node.remove(list);
                }
            }
        }
        return spec;
    }

    /** A JSON merge patch applied to an object, as far as a spec comparison needs it. */
    private static JsonNode merged(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode) || !(target instanceof ObjectNode)) {
            return patch;
        }
        ObjectNode result = ((ObjectNode) target).deepCopy();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merged(result.path(e.getKey()), e.getValue()));
            }
        });
        return result;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}

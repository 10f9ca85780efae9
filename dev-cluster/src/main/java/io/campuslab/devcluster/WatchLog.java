package io.campuslab.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The recent changes of the simulated API server, for HTTP watches: every successful write is
 * recorded with the resource version it produced. A watch from version N replays the changes of its
 * collection after N, as an API server does from its watch cache; older versions are "gone" (410).
 */
final class WatchLog {

    /** One change: ADDED, MODIFIED or DELETED, of an object in a collection path. */
    record Change(long resourceVersion, String type, String collection, String namespace, JsonNode object) {
    }

    private static final int CAPACITY = 10_000;
    private final ObjectMapper json = new ObjectMapper();
    private final Deque<Change> changes = new ArrayDeque<>();

    synchronized void record(String type, ApiPath path, JsonNode object) {
        JsonNode metadata = object.path("metadata");
        long version = metadata.path("resourceVersion").asLong(0);
        changes.addLast(new Change(version, type, path.resource(), metadata.path("namespace").asText(null), object));
        if (changes.size() > CAPACITY) {
            changes.removeFirst();
        }
    }

    /** The oldest version a watch may still start from. */
    synchronized long oldestVersion() {
        return changes.isEmpty() ? 0 : changes.peekFirst().resourceVersion() - 1;
    }

    synchronized long newestVersion() {
        return changes.isEmpty() ? 0 : changes.peekLast().resourceVersion();
    }

    /** The changes to the watched collection after the given version, matching the label selector. */
    synchronized List<Change> after(long version, ApiPath watched, Map<String, String> labelSelector) {
        List<Change> result = new ArrayList<>();
        for (Change change : changes) {
            if (change.resourceVersion() > version && change.collection().equals(watched.resource())
                    && (watched.namespace() == null || watched.namespace().equals(change.namespace()))
                    && matches(change.object(), labelSelector)) {
                result.add(change);
            }
        }
        return result;
    }

    String eventLine(String type, JsonNode object) {
        ObjectNode event = json.createObjectNode();
        event.put("type", type);
        event.set("object", object);
        return event + "\n";
    }

    private static boolean matches(JsonNode object, Map<String, String> selector) {
        JsonNode labels = object.path("metadata").path("labels");
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.path(e.getKey()).asText(null)));
    }
}

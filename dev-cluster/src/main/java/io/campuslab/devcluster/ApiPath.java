package io.campuslab.devcluster;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request path of the Kubernetes API taken apart: group/version prefix, namespace, resource
 * (collection) and name, and the query parameters.
 */
record ApiPath(String prefix, String namespace, String resource, String name, Map<String, String> query) {

    static ApiPath parse(String rawPath) {
        int q = rawPath.indexOf('?');
        String path = q < 0 ? rawPath : rawPath.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rawPath.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String[] parts = path.replaceAll("^/+", "").split("/");
        int start = parts.length > 0 && parts[0].equals("api") ? 2 : 3; // /api/v1/... or /apis/group/version/...
        String prefix = String.join("/", java.util.Arrays.copyOfRange(parts, 0, Math.min(start, parts.length)));
        String namespace = null;
        int i = start;
        if (parts.length > i + 1 && parts[i].equals("namespaces") && parts.length > i + 2) {
            namespace = parts[i + 1];
            i += 2;
        }
        String resource = parts.length > i ? parts[i] : null;
        String name = parts.length > i + 1 ? parts[i + 1] : null;
        return new ApiPath("/" + prefix, namespace, resource, name, query);
    }

    boolean isWatch() {
        String watch = query.get("watch");
        return "true".equals(watch) || "1".equals(watch);
    }

    /** Equality-based label selectors ({@code a=b,c==d}); set-based ones are not simulated. */
    Map<String, String> labelSelector() {
        Map<String, String> selector = new LinkedHashMap<>();
        String raw = query.get("labelSelector");
        if (raw != null && !raw.isBlank()) {
            for (String term : raw.split(",")) {
                String[] kv = term.split("==?", 2);
                if (kv.length == 2) {
                    selector.put(kv[0].strip(), kv[1].strip());
                }
            }
        }
        return selector;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

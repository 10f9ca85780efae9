package io.campuslab.devcluster;

/**
 * One kind of request a client made, as Kubernetes authorization sees it: the verb, the API group
 * ({@code ""} for the core group), the resource, and whether it was made in a namespace. Compared with
 * RBAC rules, it tells whether a role grants what a client needs, and nothing more.
 */
public record ApiAccess(String verb, String group, String resource, boolean namespaced) {

    static ApiAccess of(String method, ApiPath api) {
        String verb = switch (method) {
            case "GET" -> api.isWatch() ? "watch" : api.name() == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> api.name() == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
        String group = api.prefix().startsWith("/apis/") ? api.prefix().split("/")[2] : "";
        return new ApiAccess(verb, group, api.resource(), api.namespace() != null);
    }

    @Override
    public String toString() {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource + (namespaced ? " (in a namespace)" : "");
    }
}

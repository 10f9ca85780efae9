package io.campuslab.devstack;

/** What {@code ./campuslab run} prints once everything is up: where things are and who can log in. */
final class Banner {

    private Banner() {
    }

    /**
     * @param cluster what serves the Kubernetes API: the dev-cluster's real control plane or its
     *                simulated API, or the operator's cluster
     */
    static String text(StackSettings settings, int nodes, long seconds, String cluster) {
        StringBuilder text = new StringBuilder()
                .append("\nCampusLab is running (started in ").append(seconds).append(" s).\n\n")
                .append("  Portal          ").append(settings.portalUrl()).append('\n');
        if (nodes > 1) {
            text.append("  Portal, any node ").append(settings.frontDoorUrl())
                    .append("  (each browser kept on one node, moved when it stops, as the chart's Ingress)\n");
        }
        for (int number = 2; number <= nodes; number++) {
            PortalNode node = settings.node(number);
            text.append(String.format("  %-16s", "Portal " + node.name())).append(node.url())
                    .append("  (health http://localhost:").append(node.managementPort()).append("/health)\n");
        }
        text.append("  REST API        ").append(settings.portalUrl()).append("api/v1/me  (OpenAPI: http://localhost:")
                .append(settings.portalPort()).append("/openapi)\n");
        if (settings.externalOidcProvider().isEmpty()) {
            text.append("  Keycloak        http://localhost:").append(settings.keycloakPort())
                    .append("/admin/  (admin console: ").append(KeycloakServer.ADMIN_USER).append(" / ")
                    .append(KeycloakServer.ADMIN_PASSWORD).append(")\n");
        }
        text.append("  Kubernetes API  ").append(cluster).append('\n')
                .append("                  kubectl --kubeconfig ").append(settings.kubeconfig()).append(" get nodes\n")
                .append("  Health          http://localhost:").append(settings.wildflyManagementPort()).append("/health")
                .append("   Metrics http://localhost:").append(settings.wildflyManagementPort()).append("/metrics\n")
                .append("  Logs            ").append(settings.logs()).append('\n');
        if (settings.externalOidcProvider().isEmpty()) {
            text.append("""

                      Demo logins, password "campuslab" for everyone:
                        operator   platform admin
                        alice      school admin  North High School
                        tom        teacher       North High School
                        sam, sue   students      North High School
                        bob        school admin  South Academy
                        tina       teacher       South Academy
                        stan       student       South Academy
                      West Side School signs in through its own provider (realm west-side-idp):
                    """).append("    open ").append(settings.portalUrl()).append("school/west-side and sign in as\n").append("""
                        wendy      student       West Side School
                        walt       teacher       West Side School
                    """);
        }
        return text.append("\nStop with Ctrl-C or ./campuslab stop.\n").toString();
    }
}

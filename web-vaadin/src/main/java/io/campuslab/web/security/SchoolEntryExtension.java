package io.campuslab.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.spec.ServletContextImpl;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;

/**
 * A school's page ({@code /school/<slug>}) opened by someone not signed in on this node goes by
 * {@link SignInEntryServlet}, which looks up the school's own identity provider and sends the browser
 * on with Keycloak's hint for it: the sign-in then goes straight to the school's provider. This runs
 * before the sign-in, which would otherwise send the browser to Keycloak's page without the hint.
 */
public class SchoolEntryExtension implements ServletExtension {

    private static final String SCHOOL_PAGE = "/school/";

    /** The school a path {@code /school/<slug>} (or with a slash after it) names; empty for any other path. */
    static java.util.Optional<String> schoolOf(String path) {
        if (path == null || !path.startsWith(SCHOOL_PAGE)) {
            return java.util.Optional.empty();
        }
        String slug = path.substring(SCHOOL_PAGE.length());
        slug = slug.endsWith("/") ? slug.substring(0, slug.length() - 1) : slug;
        return io.campuslab.domain.tenant.TenantSlug.isValid(slug) ? java.util.Optional.of(slug) : java.util.Optional.empty();
    }
    static final String HINT = "kc_idp_hint";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Entry(next, (ServletContextImpl) context));
    }

    private static final class Entry implements HttpHandler {

        private final HttpHandler next;
        private final ServletContextImpl context;

        Entry(HttpHandler next, ServletContextImpl context) {
            this.next = next;
            this.context = context;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            java.util.Optional<String> school = schoolOf(exchange.getRelativePath());
            if (!Methods.GET.equals(exchange.getRequestMethod()) || school.isEmpty()
                    || exchange.getQueryParameters().containsKey(HINT) || exchange.getQueryParameters().containsKey("v-r")
                    || NodeSession.known(exchange, context)) {
                next.handleRequest(exchange);
                return;
            }
            exchange.setStatusCode(StatusCodes.FOUND);
            exchange.getResponseHeaders().put(Headers.LOCATION,
                    exchange.getResolvedPath() + "/" + SignInEntryServlet.PATH + SCHOOL_PAGE + school.get());
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.endExchange();
        }
    }
}

package io.campuslab.web.security;

import com.vaadin.flow.server.VaadinService;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.spec.ServletContextImpl;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.Deque;

/**
 * A page whose session this node does not have — its node stopped and the proxy sent it here, or the
 * session timed out — is told so in Vaadin's own words, before the sign-in can answer its background
 * request with a redirect to Keycloak that a background request cannot follow. The page then reloads
 * (the session-expired message is switched off in {@link UiSetup}), and the reload, a page of its own,
 * signs the person in again through Keycloak's session without a password.
 */
public class SessionGoneExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Guard(next, (ServletContextImpl) context));
    }

    private static final class Guard implements HttpHandler {

        private final HttpHandler next;
        private final ServletContextImpl context;

        Guard(HttpHandler next, ServletContextImpl context) {
            this.next = next;
            this.context = context;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String kind = kind(exchange);
            if (kind == null || NodeSession.known(exchange, context)) {
                next.handleRequest(exchange);
                return;
            }
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache, no-store");
            if (kind.equals("uidl")) {
                // what Vaadin answers a page whose session expired
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=UTF-8");
                exchange.getResponseSender().send(VaadinService.createSessionExpiredJSON(true));
            } else {
                exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
                exchange.endExchange();
            }
        }

        /** {@code uidl} or {@code push} for the requests a Vaadin page makes in the background; null for others. */
        private static String kind(HttpServerExchange exchange) {
            Deque<String> type = exchange.getQueryParameters().get("v-r");
            if (type == null || type.isEmpty()) {
                return null;
            }
            String value = type.getFirst();
            return value.equals("uidl") || value.equals("push") ? value : null;
        }
    }
}

package io.campuslab.web.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.session.SessionManager;
import io.undertow.servlet.spec.ServletContextImpl;

/** For handlers that run before the servlet layer, which would find a request's session, has run. */
final class NodeSession {

    private NodeSession() {
    }

    /**
     * Whether the session the request's cookie names lives on this node. The cookie may carry the
     * node's route after a dot.
     */
    static boolean known(HttpServerExchange exchange, ServletContextImpl context) {
        Cookie cookie = exchange.getRequestCookie(context.getSessionCookieConfig().getName());
        if (cookie == null || cookie.getValue() == null) {
            return false;
        }
        SessionManager sessions = context.getDeployment().getSessionManager();
        String id = cookie.getValue();
        int route = id.lastIndexOf('.');
        return sessions.getSession(id) != null || route > 0 && sessions.getSession(id.substring(0, route)) != null;
    }
}

package io.campuslab.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The REST API answers bearer tokens only. A browser sends the portal's session cookie along with any
 * request, including one that another site's page makes it send (cross-site request forgery); the API
 * therefore ignores sign-in sessions altogether and refuses a call that carries no
 * {@code Authorization: Bearer} header, before anything of it is read.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BearerOnlyFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"The API takes a bearer token in the Authorization header only\",\"key\":\"error.http.401\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}

package io.campuslab.web.security;

import io.campuslab.core.identity.VerifiedCaller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the identity of every signed-in request, read from the token the server verified for it, to
 * the services ({@link VerifiedCaller}), which find the member by its subject and school.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CallerFilter extends HttpFilter {

    @Inject
    VerifiedCaller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            TokenIdentity.of(request).ifPresent(caller::verified);
        } catch (IllegalArgumentException e) {
            // a token without a subject or user name, or naming a school no slug could be: no one to admit
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}

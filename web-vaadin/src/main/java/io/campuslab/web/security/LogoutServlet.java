package io.campuslab.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends the portal session and then the single sign-on session at the identity provider (OIDC
 * RP-initiated logout), which sends the browser back to the portal's start page.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    OidcEndpoints endpoints;

    @Inject
    @ConfigProperty(name = "campuslab.oidc.client-id", defaultValue = "campuslab-portal")
    String clientId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> idToken = TokenIdentity.idToken(request);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String home = request.getRequestURL().toString().replaceFirst("/logout$", "/");
        StringBuilder target = new StringBuilder(endpoints.endSession())
                .append("?client_id=").append(encode(clientId))
                .append("&post_logout_redirect_uri=").append(encode(home));
        idToken.ifPresent(token -> target.append("&id_token_hint=").append(encode(token)));
        response.sendRedirect(target.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

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
 * Logout from the portal and the single sign-on session together (OIDC RP-initiated logout). The
 * identity provider ends its session first and then sends the browser to {@link SignedOutServlet},
 * which ends the portal's.
 *
 * <p>The order matters: the page that asked for logout stays alive in the browser until the last
 * redirect of the chain, and the moment the portal's session ends, that page notices and reloads
 * itself, abandoning the chain. Ended first, the portal's session would be gone while the single
 * sign-on session still lives, and the reload would sign the person straight back in.
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
        String home = request.getRequestURL().toString().replaceFirst("/logout$", "/");
        Optional<String> idToken = TokenIdentity.idToken(request);
        if (idToken.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(home);
            return;
        }
        String signedOut = home + SignedOutServlet.PATH + "/" + SignedOutServlet.expect(request.getSession());
        response.sendRedirect(endpoints.endSession()
                + "?client_id=" + encode(clientId)
                + "&post_logout_redirect_uri=" + encode(signedOut)
                + "&id_token_hint=" + encode(idToken.get()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.campuslab.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the identity provider sends the browser once it has ended the single sign-on session: ends
 * the portal's session and goes to the start page, which now asks for a sign-in.
 *
 * <p>The address is open to everyone (web.xml), because by now the sign-in tokens are revoked and
 * could not be refreshed. It carries a one-time key that {@link LogoutServlet} kept in the session,
 * so another site cannot end a person's session by linking here.
 */
@WebServlet("/" + SignedOutServlet.PATH + "/*")
public class SignedOutServlet extends HttpServlet {

    static final String PATH = "signed-out";

    private static final String KEY = SignedOutServlet.class.getName() + ".key";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new one-time key for the session that is logging out. */
    static String expect(HttpSession session) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(KEY, key);
        return key;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String given = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        if (session != null && session.getAttribute(KEY) instanceof String expected
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}

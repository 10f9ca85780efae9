package io.campuslab.web.lab;

import io.campuslab.core.lab.LabOpening;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.web.i18n.LanguagePreference;
import io.campuslab.web.i18n.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code /open-lab/<id>[/<port>]}: the Open button. Checks, through the services, that the signed-in
 * member may enter the running lab (its owner; the session's teacher; a school admin where allowed),
 * and sends the browser to the lab's address on the gateway with a one-time ticket, which the gateway
 * exchanges for the lab's cookie and drops from the address.
 */
@WebServlet("/open-lab/*")
public class OpenLabServlet extends HttpServlet {

    @Inject
    LabOpening opening;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = LanguagePreference.of(request);
        long id;
        String port;
        try {
            String[] path = (request.getPathInfo() == null ? "" : request.getPathInfo().substring(1)).split("/", 2);
            id = Long.parseLong(path[0]);
            port = path.length > 1 && !path[1].isEmpty() ? path[1] : null;
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.sendRedirect(opening.enter(id, port).address(scheme(request), host(request), request.getServerPort()));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, Messages.get(locale, e.messageKey(), e.arguments().toArray()));
        } catch (ConflictException e) {
            response.sendError(HttpServletResponse.SC_CONFLICT, Messages.get(locale, e.messageKey(), e.arguments().toArray()));
        } catch (CampusLabException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    Messages.get(locale, e.messageKey(), e.arguments().toArray()));
        }
    }

    /** The scheme the browser used: the proxy in front of the portal says so when it ended TLS. */
    public static String scheme(HttpServletRequest request) {
        return "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")) ? "https" : request.getScheme();
    }

    /** The portal's host and port as the browser named them. */
    public static String host(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean usual = port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return request.getServerName() + (usual ? "" : ":" + port);
    }
}

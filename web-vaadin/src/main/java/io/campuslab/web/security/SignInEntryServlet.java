package io.campuslab.web.security;

import io.campuslab.core.identity.SchoolSignInService;
import io.campuslab.core.identity.SignInRoute;
import io.campuslab.web.i18n.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a sign-in starts for someone who is not signed in yet, open to everyone (web.xml):
 * <ul>
 * <li>{@code /sign-in/school/<slug>} — from a school's page ({@link SchoolEntryExtension}): to the
 * start page with Keycloak's hint for the school's own identity provider, so that the sign-in goes
 * straight there; a school without one (or no such school: nothing is told) signs in on Keycloak's
 * page;</li>
 * <li>{@code /sign-in} — asks for the school e-mail address, and sends its owner to the provider of the
 * school its domain belongs to, with the address as the login hint.</li>
 * </ul>
 * It only ever redirects into the portal itself: no address from the request is followed.
 */
@WebServlet("/" + SignInEntryServlet.PATH + "/*")
public class SignInEntryServlet extends HttpServlet {

    static final String PATH = "sign-in";
    private static final int EMAIL_MAX = 254;

    @Inject
    SchoolSignInService signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        java.util.Optional<String> school = SchoolEntryExtension.schoolOf(path);
        response.setHeader("Cache-Control", "no-store");
        if (school.isPresent()) {
            String hint = signIn.routeOfSchool(school.get()).flatMap(SignInRoute::providerAlias).orElse("");
            response.sendRedirect(request.getContextPath() + "/?" + SchoolEntryExtension.HINT + "=" + encode(hint));
            return;
        }
        if (!path.isEmpty() && !path.equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        form(request, response, null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String email = Optional.ofNullable(request.getParameter("email")).map(String::strip).orElse("");
        response.setHeader("Cache-Control", "no-store");
        if (email.length() > EMAIL_MAX || !email.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form(request, response, email.length() > EMAIL_MAX ? email.substring(0, EMAIL_MAX) : email, "sign-in.email-invalid");
            return;
        }
        Optional<SignInRoute> route = signIn.routeOfEmail(email);
        StringBuilder target = new StringBuilder(request.getContextPath()).append("/?login_hint=").append(encode(email));
        route.flatMap(SignInRoute::providerAlias).ifPresent(alias -> target.append("&")
                .append(SchoolEntryExtension.HINT).append("=").append(encode(alias)));
        response.sendRedirect(target.toString());
    }

    private static void form(HttpServletRequest request, HttpServletResponse response, String email, String problem)
            throws IOException {
        Locale locale = Messages.supported(request.getLocale());
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!DOCTYPE html>\n<html lang=\"" + locale.toLanguageTag() + "\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(Messages.get(locale, "sign-in.title")) + "</title></head>\n<body>\n"
                + "<main><h1>" + escape(Messages.get(locale, "sign-in.title")) + "</h1>\n"
                + "<p>" + escape(Messages.get(locale, "sign-in.explain")) + "</p>\n"
                + "<form method=\"post\" action=\"" + escape(request.getContextPath() + "/" + PATH) + "\">"
                + "<label for=\"email\">" + escape(Messages.get(locale, "sign-in.email")) + "</label> "
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"" + EMAIL_MAX + "\""
                + (email == null ? "" : " value=\"" + escape(email) + "\"") + "> "
                + "<button id=\"continue\" type=\"submit\">" + escape(Messages.get(locale, "sign-in.continue")) + "</button>"
                + "</form>\n"
                + (problem == null ? "" : "<p id=\"problem\" role=\"alert\">" + escape(Messages.get(locale, problem)) + "</p>\n")
                + "<p><a id=\"other\" href=\"" + escape(request.getContextPath() + "/") + "\">"
                + escape(Messages.get(locale, "sign-in.other")) + "</a></p>\n"
                + "</main>\n</body>\n</html>\n";
        response.getWriter().write(html);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package io.campuslab.core.identity;

import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.identity.SignInProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/** What a school's directory may be given as: its address, names of entries, an attribute, a filter. */
final class DirectoryChecks {

    static final int FILTER_MAX = 500;

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DirectoryChecks() {
    }

    /**
     * {@code ldaps://host[:port]}, or {@code ldap://} when StartTLS protects it (or for the demo): no
     * path, user, query or fragment.
     */
    static String url(String value, boolean plainAllowed) throws InvalidInputException {
        String url = value == null ? "" : value.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            boolean secure = "ldaps".equalsIgnoreCase(uri.getScheme());
            boolean plain = "ldap".equalsIgnoreCase(uri.getScheme()) && plainAllowed;
            if (url.length() > SignInProvider.LOCATION_MAX || !(secure || plain) || uri.getHost() == null
                    || uri.getUserInfo() != null || !(uri.getPath() == null || uri.getPath().isEmpty())
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new InvalidInputException("error.sign-in.directory-url-invalid", SchoolSignInService.shorten(url));
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("error.sign-in.directory-url-invalid", SchoolSignInService.shorten(url));
        }
        return url;
    }

    /** A distinguished name as LDAP writes it, e.g. {@code ou=people,dc=school,dc=example}. */
    static String dn(String value, String problem) throws InvalidInputException {
        String dn = value == null ? "" : value.strip();
        if (dn.isEmpty() || dn.length() > SignInProvider.DN_MAX || dn.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(problem, SchoolSignInService.shorten(dn));
        }
        try {
            if (new LdapName(dn).isEmpty()) {
                throw new InvalidInputException(problem, dn);
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new InvalidInputException(problem, SchoolSignInService.shorten(dn));
        }
        return dn;
    }

    /** An LDAP attribute's name, e.g. {@code uid}, {@code sAMAccountName}, {@code mail}. */
    static String attribute(String value) throws InvalidInputException {
        String attribute = value.strip();
        if (!ATTRIBUTE.matcher(attribute).matches()) {
            throw new InvalidInputException("error.sign-in.attribute-invalid", SchoolSignInService.shorten(attribute));
        }
        return attribute;
    }

    /** An LDAP filter in parentheses, with balanced parentheses, e.g. {@code (memberOf=cn=students,ou=groups,...)}. */
    static Optional<String> filter(String value) throws InvalidInputException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String filter = value.strip();
        int depth = 0;
        boolean balanced = filter.startsWith("(") && filter.endsWith(")");
        for (int i = 0; i < filter.length() && balanced; i++) {
            char c = filter.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            balanced = depth > 0 || i == filter.length() - 1;
        }
        if (!balanced || depth != 0 || filter.length() > FILTER_MAX || filter.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("error.sign-in.filter-invalid", FILTER_MAX);
        }
        return Optional.of(filter);
    }

    /** A fresh secret for the client between a directory's realm and CampusLab's. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.campuslab.core.identity;

import java.util.Optional;

/**
 * Where a person's sign-in starts: their school, and the school's identity provider if it has one
 * (Keycloak then goes straight to it); without one, CampusLab's own sign-in page.
 */
public record SignInRoute(String school, String schoolName, Optional<String> providerAlias) {
}

package io.campuslab.domain.identity;

/**
 * The realm role names, as Keycloak puts them into tokens, for use in {@code @RolesAllowed}.
 * They must stay equal to {@link Role#realmName()}; a unit test checks that.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String TEACHER = "teacher";
    public static final String STUDENT = "student";

    private Roles() {
    }
}

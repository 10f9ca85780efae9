package io.campuslab.domain.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in CampusLab; each is a Keycloak realm role of the same name. */
public enum Role {
    PLATFORM_ADMIN(Roles.PLATFORM_ADMIN),
    TENANT_ADMIN(Roles.TENANT_ADMIN),
    TEACHER(Roles.TEACHER),
    STUDENT(Roles.STUDENT);

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    /** The CampusLab role a realm role stands for; other realm roles (offline_access ...) have none. */
    public static Optional<Role> ofRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }

    /** Only a platform admin acts outside a single school. */
    public boolean isPlatformWide() {
        return this == PLATFORM_ADMIN;
    }
}

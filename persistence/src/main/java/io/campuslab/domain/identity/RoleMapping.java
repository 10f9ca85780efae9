package io.campuslab.domain.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * How a school's identity provider gives CampusLab roles: whoever's {@code claim} (an OIDC claim, a
 * SAML attribute or an LDAP group) holds {@code adminValue} is a school admin, who holds
 * {@code teacherValue} a teacher, everyone else {@code defaultRole}. A person holding both values is
 * a school admin: a member acts in their highest role.
 */
public record RoleMapping(Optional<String> claim, Optional<String> teacherValue, Optional<String> adminValue,
                          Role defaultRole) implements Serializable {

    public RoleMapping {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(teacherValue, "teacherValue");
        Objects.requireNonNull(adminValue, "adminValue");
        Objects.requireNonNull(defaultRole, "defaultRole");
        if (defaultRole.isPlatformWide()) {
            throw new IllegalArgumentException("A school's provider never makes platform admins");
        }
        if (claim.isEmpty() && (teacherValue.isPresent() || adminValue.isPresent())) {
            throw new IllegalArgumentException("Values to look for need the claim to look in");
        }
    }

    /** Everyone who comes through the provider gets one role. */
    public static RoleMapping everyone(Role role) {
        return new RoleMapping(Optional.empty(), Optional.empty(), Optional.empty(), role);
    }
}

package io.campuslab.web.api;

import io.campuslab.core.identity.CallerProfile;
import io.campuslab.domain.identity.Role;
import java.util.List;

/**
 * The caller as the API shows it; {@code leavingUntil} when the school removed them (until then they
 * may only download their workspace), absent otherwise.
 */
public record Me(String username, String displayName, String tenant, String school, List<String> roles,
                 String leavingUntil) {

    static Me of(CallerProfile profile) {
        return new Me(profile.username(), profile.displayName(), profile.tenantSlug(), profile.schoolName(),
                profile.roles().stream().sorted().map(Role::realmName).toList(),
                profile.leavingUntil().map(Object::toString).orElse(null));
    }
}

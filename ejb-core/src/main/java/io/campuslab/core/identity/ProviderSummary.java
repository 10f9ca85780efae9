package io.campuslab.core.identity;

import io.campuslab.domain.identity.SignInProvider;
import java.io.Serializable;
import java.time.Instant;

/** A school's connected identity provider as its admins see it (never its secret). */
public record ProviderSummary(String alias, String kind, String displayName, String location, String clientId,
                              String usernameClaim, String roleClaim, String teacherValue, String adminValue,
                              String defaultRole, Instant connectedAt) implements Serializable {

    static ProviderSummary of(SignInProvider provider) {
        var roles = provider.roles();
        return new ProviderSummary(provider.alias(), provider.kind().name(), provider.displayName(), provider.location(),
                provider.clientId().orElse(null), provider.usernameClaim(), roles.claim().orElse(null),
                roles.teacherValue().orElse(null), roles.adminValue().orElse(null), roles.defaultRole().realmName(),
                provider.createdAt());
    }
}

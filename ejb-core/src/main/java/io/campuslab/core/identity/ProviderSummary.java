package io.campuslab.core.identity;

import io.campuslab.domain.identity.DirectoryEntries;
import io.campuslab.domain.identity.SignInProvider;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A school's connected identity provider as its admins see it (never its secret). For a directory,
 * {@code location} is its address, {@code usernameClaim} the attribute people sign in with, and
 * {@code bindDn}, {@code usersDn} and {@code groupsDn} where CampusLab reads; empty for other providers.
 */
public record ProviderSummary(String alias, String kind, String displayName, String location, String clientId,
                              String usernameClaim, String roleClaim, String teacherValue, String adminValue,
                              String defaultRole, Instant connectedAt, String bindDn, String usersDn, String groupsDn,
                              boolean activeDirectory) implements Serializable {

    static ProviderSummary of(SignInProvider provider) {
        var roles = provider.roles();
        Optional<DirectoryEntries> directory = provider.directory();
        return new ProviderSummary(provider.alias(), provider.kind().name(), provider.displayName(), provider.location(),
                provider.clientId().orElse(null), provider.usernameClaim(), roles.claim().orElse(null),
                roles.teacherValue().orElse(null), roles.adminValue().orElse(null), roles.defaultRole().realmName(),
                provider.createdAt(), directory.map(DirectoryEntries::bindDn).orElse(null),
                directory.map(DirectoryEntries::usersDn).orElse(null),
                directory.flatMap(DirectoryEntries::groupsDn).orElse(null),
                directory.map(DirectoryEntries::activeDirectory).orElse(false));
    }
}

package io.campuslab.core.identity;

import io.campuslab.domain.identity.DirectoryEntries;
import java.util.Objects;
import java.util.Optional;

/**
 * What Keycloak needs to read a school's directory: where it is and how it is read
 * ({@code entries}), with StartTLS or not, the reading account's password, an optional LDAP filter
 * people must match, and the secret of the client through which the directory's realm vouches for
 * them to CampusLab's realm at {@code brokerEndpoint} (for a new realm; a realm set anew keeps its
 * client's secret).
 */
public record DirectorySetup(String alias, String displayName, DirectoryEntries entries, boolean startTls,
                             String bindPassword, Optional<String> userFilter,
                             String brokerSecret, String brokerEndpoint) {

    /** The client through which a directory's realm vouches for its people to CampusLab's realm. */
    public static final String BROKER_CLIENT = "campuslab-broker";
    /** The claim in which a directory's realm names the groups a person is in. */
    public static final String GROUPS_CLAIM = "groups";

    public DirectorySetup {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(bindPassword, "bindPassword");
        Objects.requireNonNull(userFilter, "userFilter");
        Objects.requireNonNull(brokerSecret, "brokerSecret");
        Objects.requireNonNull(brokerEndpoint, "brokerEndpoint");
    }

    /** Never prints the password or the secret. */
    @Override
    public String toString() {
        return "DirectorySetup[" + alias + ", " + entries + "]";
    }
}

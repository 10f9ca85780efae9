package io.campuslab.domain.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a school's LDAP or Active Directory directory keeps its people: the server's address, the
 * account CampusLab reads as, the entries below which people are found, the attribute they sign in
 * with and, when roles come from groups, the entries below which the groups are. The reading account's password lives in Keycloak only.
 */
public record DirectoryEntries(String url, boolean activeDirectory, String bindDn, String usersDn,
                               String usernameAttribute, Optional<String> groupsDn) implements Serializable {

    public DirectoryEntries {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(usersDn, "usersDn");
        Objects.requireNonNull(usernameAttribute, "usernameAttribute");
        Objects.requireNonNull(groupsDn, "groupsDn");
    }
}

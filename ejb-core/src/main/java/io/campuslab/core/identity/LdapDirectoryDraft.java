package io.campuslab.core.identity;

import io.campuslab.domain.identity.Role;

/**
 * A school's LDAP or Active Directory directory as an admin enters it: the server's address (with
 * StartTLS or not), the read-only account CampusLab binds as, where people are, the attribute they
 * sign in with, an optional filter, and how roles come from groups (all optional but the default
 * role). Checked by {@link SchoolSignInService}.
 */
public record LdapDirectoryDraft(String displayName, String url, boolean activeDirectory, boolean startTls, String bindDn,
                                 String bindPassword, String usersDn, String usernameAttribute, String userFilter,
                                 String groupsDn, String teacherGroup, String adminGroup, Role defaultRole) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LdapDirectoryDraft[" + displayName + ", " + url + ", " + bindDn + ", " + usersDn + "]";
    }
}

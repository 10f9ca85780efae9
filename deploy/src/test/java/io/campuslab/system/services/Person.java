package io.campuslab.system.services;

import io.campuslab.core.identity.TokenClaims;
import io.campuslab.core.identity.VerifiedCaller;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.UUID;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * Someone the services are called as, inside the server, as the web layer calls them for a signed-in
 * request: the container's identity (the name and the role its {@code @RolesAllowed} checks) and the
 * verified token's claims (subject, school) the services find the member by.
 *
 * @param school the school's slug, or null for the platform's own people
 */
public record Person(String username, String subject, String school, String role) {

    public static Person of(String username, String role, String school) {
        return new Person(username, UUID.nameUUIDFromBytes(username.getBytes()).toString(), school, role);
    }

    public TokenClaims claims() {
        return new TokenClaims(subject, username, username, username + "@campuslab.test", school, List.of(role), null);
    }

    /** A call of the services made by this person, as the web layer would make it for their request. */
    public <T> T call(VerifiedCaller caller, PrivilegedExceptionAction<T> call) throws Exception {
        return call(caller, claims(), call);
    }

    /** A call in which the container's identity is this person's and the token's claims are the given ones. */
    public <T> T call(VerifiedCaller caller, TokenClaims token, PrivilegedExceptionAction<T> call) throws Exception {
        caller.verified(token);
        SecurityIdentity identity = SecurityDomain.getCurrent().createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.of(role)));
        try {
            return identity.runAs(call);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}

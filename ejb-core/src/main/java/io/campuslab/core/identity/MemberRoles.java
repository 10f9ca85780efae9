package io.campuslab.core.identity;

import io.campuslab.core.identity.SchoolMembers.RoleChangeRefusedException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * A school admin gives a member another role: checked here, made in the directory, then recorded
 * here, with no transaction open while the directory is asked. If the directory refuses, nothing
 * changes; if recording fails after the directory changed, the member's next sign-in mirrors the
 * directory's role in any case.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MemberRoles {

    @Inject
    SchoolMembers members;

    @Inject
    IdentityDirectory directory;

    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow changeRole(String username, Role role) throws RoleChangeRefusedException, NotPermittedException,
            NotFoundException, DirectoryUnavailableException {
        String subject = members.roleChangeable(username, role);
        directory.setRole(subject, role);
        return members.recordRole(username, role);
    }
}

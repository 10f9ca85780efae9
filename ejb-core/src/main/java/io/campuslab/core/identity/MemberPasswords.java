package io.campuslab.core.identity;

import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * A school admin resets a member's CampusLab password, a teacher their students': a one-time
 * password, shown once to the one who reset it, never stored, to be changed at the next sign-in.
 * Checked, made in the directory, then audited, with no transaction open while the directory is asked.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MemberPasswords {

    @Inject
    SchoolMembers members;

    @Inject
    IdentityDirectory directory;

    /** The member's one-time password, for the caller to hand over. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public ImportedPerson reset(String username)
            throws NotPermittedException, NotFoundException, InvalidInputException, DirectoryUnavailableException {
        String subject = members.passwordResettable(username);
        String password = InitialPassword.generate();
        directory.resetPassword(subject, password);
        MemberRow member = members.recordPasswordReset(username);
        return new ImportedPerson(member.username(), member.displayName(), member.className(), password);
    }
}

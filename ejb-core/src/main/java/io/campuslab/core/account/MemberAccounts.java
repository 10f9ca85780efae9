package io.campuslab.core.account;

import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.identity.MemberRow;
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
 * A school admin suspends a member — they can no longer sign in (in Keycloak, their sessions ended,
 * whether they sign in with a CampusLab account or through the school's provider), every call of
 * theirs is refused, their labs stop; nothing of theirs is deleted — and resumes them. Checked, made
 * in the directory, then recorded, with no transaction open while the directory is asked.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MemberAccounts {

    @Inject
    AccountRecords records;

    @Inject
    IdentityDirectory directory;

    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow suspend(String username)
            throws NotPermittedException, NotFoundException, InvalidInputException, DirectoryUnavailableException {
        String subject = records.changeable(username);
        directory.setEnabled(subject, false);
        return records.suspended(username);
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow resume(String username)
            throws NotPermittedException, NotFoundException, InvalidInputException, DirectoryUnavailableException {
        String subject = records.changeable(username);
        directory.setEnabled(subject, true);
        return records.resumed(username);
    }
}

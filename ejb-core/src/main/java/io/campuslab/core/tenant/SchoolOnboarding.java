package io.campuslab.core.tenant;

import io.campuslab.core.identity.ClassList;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.InitialPassword;
import io.campuslab.core.identity.NewMember;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Onboarding a school in one step that completes or leaves nothing behind: the group in the
 * identity provider first, then the school's rows; if the rows fail, the group is removed again.
 * No transaction is open while the identity provider is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchoolOnboarding {

    private static final Logger LOG = Logger.getLogger(SchoolOnboarding.class.getName());

    @Inject
    IdentityDirectory directory;

    @Inject
    TenantRecords records;

    @Inject
    TenantService tenants;

    /** Onboards a school without people: its admins are added in Keycloak or by another admin. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSummary onboard(String slug, String displayName) throws CampusLabException {
        return onboard(slug, displayName, null).school();
    }

    /**
     * Onboards a school and creates its first school admin, whose one-time password is returned to
     * be handed over.
     *
     * @param firstAdmin the first admin (the role is taken as school admin), or null for none
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Onboarded onboard(String slug, String displayName, NewMember firstAdmin) throws CampusLabException {
        if (!TenantSlug.isValid(slug)) {
            throw new InvalidInputException("error.school.slug-invalid", slug == null ? "" : slug);
        }
        if (!Tenant.isValidName(displayName)) {
            throw new InvalidInputException("error.school.name-invalid");
        }
        Optional<ClassList.Row> admin = Optional.ofNullable(firstAdmin)
                .map(a -> ClassList.single(a.username(), a.name(), a.email(), a.className()));
        if (admin.isPresent() && !admin.get().valid()) {
            throw new InvalidInputException(admin.get().problems().get(0));
        }
        if (admin.isPresent() && (records.usernameKnown(admin.get().username())
                || directory.usernameTaken(admin.get().username()))) {
            throw new ConflictException("error.import.username-taken");
        }
        TenantSlug school = new TenantSlug(slug);
        records.requireUnused(school);
        directory.createSchoolGroup(school, displayName.strip());
        Optional<String> adminSubject = Optional.empty();
        String password = InitialPassword.generate();
        try {
            if (admin.isPresent()) {
                adminSubject = Optional.of(directory.createPerson(school, admin.get().person(), Role.TENANT_ADMIN, password));
            }
            records.create(school, displayName.strip(), TenantQuota.starter(),
                    adminSubject.map(subject -> new SchoolMembers.ImportedMember(subject, admin.get())));
        } catch (CampusLabException | RuntimeException e) {
            adminSubject.ifPresent(subject -> undoPerson(subject, e));
            undoGroup(school, e);
            throw e;
        }
        return new Onboarded(tenants.schoolSummary(slug),
                admin.map(row -> new ImportedPerson(row.username(), row.name(), row.className(), password)));
    }

    /** A school just onboarded, and its first admin with the one-time password if one was created. */
    public record Onboarded(SchoolSummary school, Optional<ImportedPerson> firstAdmin) implements java.io.Serializable {
    }

    private void undoPerson(String subject, Exception cause) {
        try {
            directory.deletePerson(subject);
        } catch (DirectoryUnavailableException undoFailed) {
            LOG.log(Level.SEVERE, "Onboarding failed (" + cause + ") and the first admin " + subject + " could not be"
                    + " removed from the identity provider: delete that user by hand (" + undoFailed.detail() + ")");
        }
    }

    private void undoGroup(TenantSlug school, Exception cause) {
        try {
            directory.deleteSchoolGroup(school);
        } catch (DirectoryUnavailableException undoFailed) {
            LOG.log(Level.SEVERE, "Onboarding of " + school + " failed (" + cause + ") and its group could not be"
                    + " removed from the identity provider: delete the group '" + school + "' by hand ("
                    + undoFailed.detail() + ")");
        }
    }

}

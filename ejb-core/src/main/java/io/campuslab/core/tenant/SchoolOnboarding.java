package io.campuslab.core.tenant;

import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSummary onboard(String slug, String displayName) throws CampusLabException {
        if (!TenantSlug.isValid(slug)) {
            throw new InvalidInputException("error.school.slug-invalid", slug == null ? "" : slug);
        }
        if (!Tenant.isValidName(displayName)) {
            throw new InvalidInputException("error.school.name-invalid");
        }
        TenantSlug school = new TenantSlug(slug);
        records.requireUnused(school);
        directory.createSchoolGroup(school, displayName.strip());
        try {
            records.create(school, displayName.strip(), TenantQuota.starter());
        } catch (CampusLabException | RuntimeException e) {
            undoGroup(school, e);
            throw e;
        }
        return tenants.schoolSummary(slug);
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

package io.campuslab.core.identity;

import io.campuslab.core.platform.ConflictException;
import io.campuslab.domain.tenant.TenantSlug;

/**
 * The port to the identity provider's directory: the groups that make people members of a school.
 * The production adapter speaks Keycloak's admin REST API with the portal's service account.
 */
public interface IdentityDirectory {

    /**
     * Creates the school's group, carrying the {@code tenant} attribute that reaches the tokens.
     *
     * @throws ConflictException if a group of that name exists already
     */
    void createSchoolGroup(TenantSlug school, String displayName) throws DirectoryUnavailableException, ConflictException;

    /** Deletes the school's group if it exists (used to undo an onboarding that failed later). */
    void deleteSchoolGroup(TenantSlug school) throws DirectoryUnavailableException;

    /** Whether the school's group exists with the right attribute. */
    boolean hasSchoolGroup(TenantSlug school) throws DirectoryUnavailableException;
}

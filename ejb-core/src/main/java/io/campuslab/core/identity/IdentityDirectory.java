package io.campuslab.core.identity;

import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.TenantSlug;
import java.util.List;
import java.util.Set;

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

    /**
     * Creates a person in the school's group with one realm role and a temporary password they must
     * change at their first sign-in.
     *
     * @return the person's subject (the {@code sub} of their tokens)
     * @throws ConflictException if the user name or e-mail is taken
     */
    String createPerson(TenantSlug school, NewPerson person, Role role, String temporaryPassword)
            throws DirectoryUnavailableException, ConflictException;

    /** Deletes a person (used to undo an import that failed later). */
    void deletePerson(String subject) throws DirectoryUnavailableException;

    /** Lets the person sign in again, or no longer (ending their sessions). */
    void setEnabled(String subject, boolean enabled) throws DirectoryUnavailableException;

    /** Gives the person a password they must change at their next sign-in. */
    void resetPassword(String subject, String temporaryPassword) throws DirectoryUnavailableException;

    /** Gives the person exactly this CampusLab role, removing their other CampusLab roles. */
    void setRole(String subject, Role role) throws DirectoryUnavailableException;

    /** Whether a person of this user name exists in the directory. */
    boolean usernameTaken(String username) throws DirectoryUnavailableException;

    /** The groups below the school's group, at any depth, by path; none if the school has no group. */
    List<DirectoryGroup> groupsOf(TenantSlug school) throws DirectoryUnavailableException;

    /**
     * The people of one group below the school's group (not of its subgroups).
     *
     * @throws NotFoundException if there is no such group below the school's group
     */
    List<DirectoryPerson> membersOf(TenantSlug school, String groupId) throws DirectoryUnavailableException, NotFoundException;

    /** The CampusLab roles the directory gives the person, directly or through their groups. */
    Set<Role> rolesOf(String subject) throws DirectoryUnavailableException;
}

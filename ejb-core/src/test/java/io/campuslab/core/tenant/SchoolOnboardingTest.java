package io.campuslab.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.DirectoryGroup;
import io.campuslab.core.identity.DirectoryPerson;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.identity.NewMember;
import io.campuslab.core.identity.NewPerson;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.domain.identity.Role;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import io.campuslab.domain.tenant.TenantSlug;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Onboarding completes or leaves nothing behind, whichever step fails. */
class SchoolOnboardingTest {

    private static final NewMember WEST_ADMIN = new NewMember("wendy", "Wendy West", "wendy@west.example", "", Role.TENANT_ADMIN);

    private final Directory directory = new Directory();
    private final Records records = new Records();
    private final SchoolOnboarding onboarding = new SchoolOnboarding();

    @BeforeEach
    void wire() {
        onboarding.directory = directory;
        onboarding.records = records;
    }

    @Test
    void failingDatabaseStepRemovesTheGroupAgain() {
        records.failOnCreate = true;

        assertThatThrownBy(() -> onboarding.onboard("west-college", "West College"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(directory.created).containsExactly("west-college");
        assertThat(directory.groups).isEmpty();
        assertThat(records.schools).isEmpty();
    }

    @Test
    void failingDatabaseStepRemovesTheFirstAdminAndTheGroupAgain() {
        records.failOnCreate = true;

        assertThatThrownBy(() -> onboarding.onboard("west-college", "West College", WEST_ADMIN))
                .isInstanceOf(IllegalStateException.class);

        assertThat(directory.people).isEmpty();
        assertThat(directory.groups).isEmpty();
        assertThat(records.schools).isEmpty();
    }

    @Test
    void aFirstAdminWithABadNameOrATakenOneStopsOnboardingBeforeAnything() {
        assertThatThrownBy(() -> onboarding.onboard("west-college", "West College",
                new NewMember("W", "Wendy West", "", "", Role.TENANT_ADMIN)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.import.username-invalid"));
        directory.people.put("id-other", "wendy/student/north-high");
        assertThatThrownBy(() -> onboarding.onboard("west-college", "West College", WEST_ADMIN))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.import.username-taken"));
        assertThat(directory.created).isEmpty();
        assertThat(records.schools).isEmpty();
    }

    @Test
    void groupThatExistsInTheDirectoryStopsOnboardingBeforeAnyRow() {
        directory.groups.add("west-college");

        assertThatThrownBy(() -> onboarding.onboard("west-college", "West College"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.school.exists-in-directory"));

        assertThat(records.schools).isEmpty();
        assertThat(directory.groups).containsExactly("west-college");
    }

    @Test
    void unreachableDirectoryChangesNothing() {
        directory.reachable = false;

        assertThatThrownBy(() -> onboarding.onboard("west-college", "West College"))
                .isInstanceOf(DirectoryUnavailableException.class);
        assertThat(records.schools).isEmpty();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsCalled() {
        assertThatThrownBy(() -> onboarding.onboard("West College", "West College"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.school.slug-invalid"));
        assertThatThrownBy(() -> onboarding.onboard("west-college", "  "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.school.name-invalid"));
        assertThat(directory.created).isEmpty();
    }

    @Test
    void existingSchoolIsRefusedBeforeTheDirectoryIsCalled() {
        records.schools.add("north-high");

        assertThatThrownBy(() -> onboarding.onboard("north-high", "North High again"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("error.school.exists"));
        assertThat(directory.created).isEmpty();
    }

    /** An identity directory in memory. */
    private static final class Directory implements IdentityDirectory {

        final Set<String> groups = new HashSet<>();
        final List<String> created = new ArrayList<>();
        final Map<String, String> people = new HashMap<>();
        boolean reachable = true;

        @Override
        public void createSchoolGroup(TenantSlug school, String displayName) throws DirectoryUnavailableException, ConflictException {
            requireReachable();
            if (!groups.add(school.value())) {
                throw new ConflictException("error.school.exists-in-directory", school.value());
            }
            created.add(school.value());
        }

        @Override
        public void deleteSchoolGroup(TenantSlug school) throws DirectoryUnavailableException {
            requireReachable();
            groups.remove(school.value());
        }


        @Override
        public String createPerson(TenantSlug school, NewPerson person, Role role, String temporaryPassword)
                throws DirectoryUnavailableException {
            requireReachable();
            people.put("id-" + person.username(), person.username() + "/" + role.realmName() + "/" + school.value());
            return "id-" + person.username();
        }

        @Override
        public void deletePerson(String subject) throws DirectoryUnavailableException {
            requireReachable();
            people.remove(subject);
        }

        @Override
        public void setRole(String subject, Role role) {
            throw new UnsupportedOperationException("not used by onboarding");
        }

        @Override
        public void setEnabled(String subject, boolean enabled) {
            throw new UnsupportedOperationException("not used by onboarding");
        }

        @Override
        public void resetPassword(String subject, String temporaryPassword) {
            throw new UnsupportedOperationException("not used by onboarding");
        }

        @Override
        public boolean usernameTaken(String username) {
            return people.values().stream().anyMatch(p -> p.startsWith(username + "/"));
        }

        @Override
        public List<DirectoryGroup> groupsOf(TenantSlug school) {
            throw new UnsupportedOperationException("not used by onboarding");
        }

        @Override
        public List<DirectoryPerson> membersOf(TenantSlug school, String groupId) {
            throw new UnsupportedOperationException("not used by onboarding");
        }

        @Override
        public Set<Role> rolesOf(String subject) {
            throw new UnsupportedOperationException("not used by onboarding");
        }

        private void requireReachable() throws DirectoryUnavailableException {
            if (!reachable) {
                throw new DirectoryUnavailableException("test: down");
            }
        }
    }

    /** The database side in memory, able to fail like a lost connection. */
    private static final class Records extends TenantRecords {

        final Set<String> schools = new HashSet<>();
        boolean failOnCreate;

        @Override
        public void requireUnused(TenantSlug slug) throws ConflictException {
            if (schools.contains(slug.value())) {
                throw new ConflictException("error.school.exists", slug.value());
            }
        }

        @Override
        public boolean usernameKnown(String username) {
            return false;
        }

        @Override
        public Tenant create(TenantSlug slug, String displayName, TenantQuota quota,
                             Optional<SchoolMembers.ImportedMember> firstAdmin) throws ConflictException {
            if (failOnCreate) {
                throw new IllegalStateException("test: the database went away");
            }
            schools.add(slug.value());
            return new Tenant(slug, displayName, quota, java.time.Instant.EPOCH);
        }
    }
}

package io.campuslab.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.platform.ConflictException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the account that reads directories, a school's directory is refused before anything is asked of Keycloak. */
class SchoolDirectoriesOffTest {

    @Test
    void aDirectoryIsRefusedWhileTheOperatorHasNotEnabledDirectories() throws Exception {
        List<String> asked = new ArrayList<>();
        SchoolSignInService service = new SchoolSignInService();
        service.records = new SignInRecords() {
            @Override
            public TenantSlug administered(String slug) {
                return new TenantSlug(slug);
            }

            @Override
            public SchoolSignIn of(String slug) {
                return new SchoolSignIn(slug, List.of(), List.of(), true);
            }
        };
        service.directories = new DirectoryConnections() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public DirectoryRealm connect(DirectorySetup setup) {
                asked.add("connect " + setup.alias());
                return new DirectoryRealm("", "");
            }

            @Override
            public void disconnect(String alias) {
                asked.add("disconnect " + alias);
            }
        };

        assertThatThrownBy(() -> service.connectLdap("east", new LdapDirectoryDraft("East", "ldaps://ldap.east.example", false,
                false, "cn=reader,dc=east", "pw", "ou=people,dc=east", null, null, null, null, null, Role.STUDENT)))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).messageKey()).isEqualTo("error.sign-in.directories-off");
        assertThat(asked).isEmpty();
        assertThat(service.of("east").directoriesEnabled()).as("the port says, not the records").isFalse();
    }
}

package io.campuslab.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryChecksTest {

    @Test
    void aDirectoryIsReachedOverTlsUnlessStartTlsProtectsThePlainPort() throws Exception {
        assertThat(DirectoryChecks.url(" ldaps://ldap.school.example:636/ ", false)).isEqualTo("ldaps://ldap.school.example:636");
        assertThat(DirectoryChecks.url("ldap://ldap.school.example:389", true)).isEqualTo("ldap://ldap.school.example:389");
        for (String bad : List.of("ldap://ldap.school.example:389", "https://ldap.school.example", "ldaps://",
                "ldaps://reader:secret@ldap.school.example", "ldaps://ldap.school.example/dc=school?uid",
                "ldaps://ldap.school.example#x", "ldaps://" + "x".repeat(600), "not a url")) {
            assertThatThrownBy(() -> DirectoryChecks.url(bad, false)).as(bad).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.sign-in.directory-url-invalid");
        }
        assertThatThrownBy(() -> DirectoryChecks.url(null, true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void entriesAreNamedByDistinguishedNames() throws Exception {
        assertThat(DirectoryChecks.dn(" ou=people,dc=school,dc=example ", "k")).isEqualTo("ou=people,dc=school,dc=example");
        assertThat(DirectoryChecks.dn("CN=CampusLab Reader,OU=Service Accounts,DC=school,DC=local", "k")).startsWith("CN=");
        for (String bad : java.util.Arrays.asList(null, "", "   ", "not a dn", "ou=people\n,dc=school", "cn=" + "x".repeat(600),
                "=nothing", "ou=people,,dc=x")) {
            assertThatThrownBy(() -> DirectoryChecks.dn(bad, "error.sign-in.users-dn-invalid")).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.sign-in.users-dn-invalid");
        }
    }

    @Test
    void attributesAndFiltersAreWhatLdapWritesNothingMore() throws Exception {
        assertThat(DirectoryChecks.attribute(" sAMAccountName ")).isEqualTo("sAMAccountName");
        assertThat(DirectoryChecks.attribute("userPrincipalName")).isEqualTo("userPrincipalName");
        for (String bad : List.of("u id", "uid)(objectClass=*", "1uid", "x".repeat(65), "uid*")) {
            assertThatThrownBy(() -> DirectoryChecks.attribute(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThat(DirectoryChecks.filter(null)).isEmpty();
        assertThat(DirectoryChecks.filter("  ")).isEmpty();
        assertThat(DirectoryChecks.filter("(&(objectClass=person)(!(employeeType=guest)))")).hasValue(
                "(&(objectClass=person)(!(employeeType=guest)))");
        for (String bad : List.of("(uid=*", "uid=*", "uid=*)(objectClass=*", "(a)(b)", ")(", "(a))(", "(" + "a".repeat(600) + ")",
                "(uid=a\u0000)")) {
            assertThatThrownBy(() -> DirectoryChecks.filter(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.sign-in.filter-invalid");
        }
    }

    @Test
    void everyBrokerSecretIsNewAndLong() {
        String one = DirectoryChecks.newSecret();
        assertThat(one).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(DirectoryChecks.newSecret());
    }
}

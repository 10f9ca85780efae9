package io.campuslab.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInIdentityTest {

    @Test
    void keepsOnlyCampusLabRoles() {
        SignInIdentity sam = SignInIdentity.fromClaims("s-1", "sam", "Sam Student", "sam@example.org",
                "north-high", List.of("offline_access", "student", "default-roles-campuslab"));
        assertThat(sam.roles()).containsExactly(Role.STUDENT);
        assertThat(sam.tenant()).contains(new TenantSlug("north-high"));
    }

    @Test
    void schoolMemberWithoutSchoolIsRefused() {
        SignInIdentity lost = SignInIdentity.fromClaims("s-2", "lost", null, null, null, List.of("student"));
        assertThatThrownBy(lost::requireValidMembership)
                .isInstanceOfSatisfying(MembershipException.class,
                        e -> assertThat(e.reason()).isEqualTo(MembershipException.Reason.NO_SCHOOL));
    }

    @Test
    void platformAdminNeedsNoSchool() throws MembershipException {
        SignInIdentity operator = SignInIdentity.fromClaims("s-3", "operator", null, null, "", List.of("platform-admin"));
        operator.requireValidMembership();
        assertThat(operator.displayName()).isEqualTo("operator");
    }

    @Test
    void personWithoutRoleIsRefused() {
        SignInIdentity nobody = SignInIdentity.fromClaims("s-4", "nobody", null, null, "north-high", List.of("uma_authorization"));
        assertThatThrownBy(nobody::requireValidMembership)
                .isInstanceOfSatisfying(MembershipException.class,
                        e -> assertThat(e.reason().messageKey()).isEqualTo("error.membership.no-role"));
    }

    @Test
    void roleConstantsMatchTheRealmNames() {
        assertThat(Arrays.stream(Role.values()).map(Role::realmName))
                .containsExactlyInAnyOrder(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT);
    }

    @Test
    void laterSignInFollowsTheIdentityProvider() {
        Tenant north = new Tenant(new TenantSlug("north-high"), "North High School", Instant.EPOCH);
        SignInIdentity first = SignInIdentity.fromClaims("s-5", "tom", "Tom", null, "north-high", List.of("teacher"));
        Member tom = Member.firstSignIn(first, Optional.of(north), Instant.EPOCH);

        SignInIdentity later = new SignInIdentity("s-5", "tom", "Tom Teacher", "tom@example.org",
                first.tenant(), Set.of(Role.TEACHER, Role.TENANT_ADMIN));
        tom.refresh(later, Optional.of(north), Instant.ofEpochSecond(60));

        assertThat(tom.displayName()).isEqualTo("Tom Teacher");
        assertThat(tom.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.TENANT_ADMIN);
        assertThat(tom.lastSignInAt()).contains(Instant.ofEpochSecond(60));
        assertThat(tom.email()).contains("tom@example.org");
    }

    @Test
    void identityOfAnotherSubjectCannotRefreshAMember() {
        SignInIdentity a = SignInIdentity.fromClaims("s-6", "a", null, null, null, List.of("platform-admin"));
        SignInIdentity b = SignInIdentity.fromClaims("s-7", "a", null, null, null, List.of("platform-admin"));
        Member member = Member.firstSignIn(a, Optional.empty(), Instant.EPOCH);
        assertThatThrownBy(() -> member.refresh(b, Optional.empty(), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

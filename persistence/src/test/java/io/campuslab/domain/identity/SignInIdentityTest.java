package io.campuslab.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.domain.classroom.Classroom;
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
    void aPersonFromASchoolsProviderActsInTheirHighestSchoolRoleAndTheProviderIsPartOfWhoTheyAre() {
        // a school's provider gives everyone its default role, and some people a higher one as well
        SignInIdentity walt = SignInIdentity.fromClaims("s-w", "west-side-oidc_walt", "Walt", null, "west-side",
                List.of("student", "teacher", "offline_access"), "west-side-oidc");
        assertThat(walt.roles()).containsExactly(Role.TEACHER);
        assertThat(walt.provider()).contains("west-side-oidc");
        SignInIdentity admin = SignInIdentity.fromClaims("s-a", "a", null, null, "west-side",
                List.of("teacher", "student", "tenant-admin"), "west-side-oidc");
        assertThat(admin.roles()).containsExactly(Role.TENANT_ADMIN);
        SignInIdentity local = SignInIdentity.fromClaims("s-l", "l", null, null, "north-high", List.of("student"), " ");
        assertThat(local.provider()).isEmpty();

        Tenant west = new Tenant(new TenantSlug("west-side"), "West Side School", Instant.EPOCH);
        Member member = Member.firstSignIn(walt, Optional.of(west), Instant.EPOCH);
        assertThat(member.signInProvider()).contains("west-side-oidc");
        assertThat(member.holds(walt)).isTrue();
        SignInIdentity throughAnother = SignInIdentity.fromClaims("s-w", "west-side-oidc_walt", "Walt", null, "west-side",
                List.of("teacher"), "east-side-oidc");
        assertThat(member.holds(throughAnother)).as("came through another provider: looked at again").isFalse();
        assertThat(member.holds(new SignInIdentity("s-w", "west-side-oidc_walt", "Walt", null, walt.tenant(), walt.roles())))
                .as("now with a CampusLab account").isFalse();
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
    void aCallThatSaysNothingNewChangesNothing() {
        Tenant north = new Tenant(new TenantSlug("north-high"), "North High School", Instant.EPOCH);
        SignInIdentity sam = SignInIdentity.fromClaims("s-8", "sam", "Sam Student", "sam@example.org", "north-high", List.of("student"));
        Member member = Member.firstSignIn(sam, Optional.of(north), Instant.EPOCH);

        assertThat(member.holds(sam)).isTrue();
        assertThat(member.refresh(sam, Optional.of(north))).as("a read must not write").isFalse();
        assertThat(member.lastSignInAt()).contains(Instant.EPOCH);

        SignInIdentity movedOut = SignInIdentity.fromClaims("s-8", "sam", "Sam Student", "sam@example.org", null, List.of("student"));
        assertThat(member.holds(movedOut)).as("taken out of the school").isFalse();
        SignInIdentity teacherNow = SignInIdentity.fromClaims("s-8", "sam", "Sam Student", "sam@example.org", "north-high", List.of("teacher"));
        assertThat(member.holds(teacherNow)).isFalse();
        assertThat(member.refresh(teacherNow, Optional.of(north))).isTrue();
        assertThat(member.roles()).containsExactly(Role.TEACHER);
        SignInIdentity otherAccount = SignInIdentity.fromClaims("s-9", "sam", "Sam Student", "sam@example.org", "north-high", List.of("teacher"));
        assertThat(member.holds(otherAccount)).as("the same user name of another account").isFalse();
    }

    @Test
    void onlyAStudentOfTheSchoolAndNothingMoreGoesOnARoster() {
        Tenant north = new Tenant(new TenantSlug("north-high"), "North High School", Instant.EPOCH);
        Tenant south = new Tenant(new TenantSlug("south-academy"), "South Academy", Instant.EPOCH);
        Member sam = Member.invited("s-sam", "sam", null, null, north, Role.STUDENT, null, Instant.EPOCH);
        Member alice = Member.invited("s-alice", "alice", null, null, north, Role.TENANT_ADMIN, null, Instant.EPOCH);
        Member stan = Member.invited("s-stan", "stan", null, null, south, Role.STUDENT, null, Instant.EPOCH);
        Member both = Member.firstSignIn(new SignInIdentity("s-both", "both", null, null, Optional.of(new TenantSlug("north-high")),
                Set.of(Role.STUDENT, Role.TEACHER)), Optional.of(north), Instant.EPOCH);

        assertThat(sam.isStudentOnlyOf(north)).isTrue();
        assertThat(alice.isStudentOnlyOf(north)).isFalse();
        assertThat(stan.isStudentOnlyOf(north)).isFalse();
        assertThat(both.isStudentOnlyOf(north)).as("a teacher who is also a student").isFalse();
        Classroom physics = new Classroom(Member.invited("s-tom", "tom", null, null, north, Role.TEACHER, null, Instant.EPOCH),
                "Physics", Instant.EPOCH);
        physics.replaceRoster(List.of(sam));
        assertThatThrownBy(() -> physics.replaceRoster(List.of(sam, alice))).isInstanceOf(IllegalArgumentException.class);
        assertThat(physics.students()).containsExactly(sam);
        assertThat(physics.currentStudents()).containsExactly(sam);

        sam.refresh(SignInIdentity.fromClaims("s-sam", "sam", null, null, "north-high", List.of("teacher")), Optional.of(north));
        assertThat(physics.students()).as("the roster still names him").containsExactly(sam);
        assertThat(physics.currentStudents()).as("made a teacher after joining: no session lab, no teacher access to his").isEmpty();
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

package io.campuslab.core.identity;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import java.io.Serializable;
import java.time.Instant;

/**
 * A member as the school admin's list shows it; {@code lastSignIn} is null before the first sign-in,
 * {@code suspended} whether the school admin suspended them, {@code signInProvider} the school's
 * provider they sign in through (null: a CampusLab account), {@code deleteAfter} when a removed
 * member's account and workspace are deleted (null: a member who stays).
 */
public record MemberRow(String username, String displayName, String email, Role role, String className,
                        Instant lastSignIn, boolean suspended, String signInProvider, Instant deleteAfter)
        implements Serializable {

    public static MemberRow of(Member member) {
        Role role = member.roles().stream().min(Enum::compareTo).orElse(Role.STUDENT);
        return new MemberRow(member.username(), member.displayName(), member.email().orElse(""), role,
                member.className().orElse(""), member.lastSignInAt().orElse(null), member.suspendedAt().isPresent(),
                member.signInProvider().orElse(null), member.deleteAfter().orElse(null));
    }
}

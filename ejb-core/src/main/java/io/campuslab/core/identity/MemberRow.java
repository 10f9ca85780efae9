package io.campuslab.core.identity;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import java.io.Serializable;
import java.time.Instant;

/** A member as the school admin's list shows it; {@code lastSignIn} is null before the first sign-in. */
public record MemberRow(String username, String displayName, String email, Role role, String className,
                        Instant lastSignIn) implements Serializable {

    static MemberRow of(Member member) {
        Role role = member.roles().stream().min(Enum::compareTo).orElse(Role.STUDENT);
        return new MemberRow(member.username(), member.displayName(), member.email().orElse(""), role,
                member.className().orElse(""), member.lastSignInAt().orElse(null));
    }
}

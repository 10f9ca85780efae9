package io.campuslab.core.identity;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the portal shows of the signed-in member: who, which school, which roles; {@code deleteAfter}
 * when the school removed them (they may then only fetch their workspace until that time).
 */
public record CallerProfile(String username, String displayName, String tenantSlug, String schoolName,
                            Set<Role> roles, Instant deleteAfter) implements Serializable {

    public CallerProfile {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static CallerProfile of(Member member) {
        Optional<Tenant> school = member.tenant();
        return new CallerProfile(member.username(), member.displayName(),
                school.map(t -> t.slug().value()).orElse(null),
                school.map(Tenant::displayName).orElse(null),
                member.roles(), member.deleteAfter().orElse(null));
    }

    public Optional<String> school() {
        return Optional.ofNullable(schoolName);
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenantSlug);
    }

    /** When a removed member's account and workspace are deleted; empty for a member who stays. */
    public Optional<Instant> leavingUntil() {
        return Optional.ofNullable(deleteAfter);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The role that decides the home page: the most powerful one held. */
    public Role primaryRole() {
        return roles.stream().min(Enum::compareTo).orElseThrow();
    }
}

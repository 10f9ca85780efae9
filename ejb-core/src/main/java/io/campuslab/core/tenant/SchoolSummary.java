package io.campuslab.core.tenant;

import io.campuslab.domain.identity.Role;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** A school at a glance: its name, status and how many members hold each role. */
public record SchoolSummary(String slug, String displayName, String status, String namespace,
                            Map<Role, Long> membersByRole, boolean adminsOpenLabs) implements Serializable {

    public SchoolSummary {
        membersByRole = Map.copyOf(new EnumMap<>(membersByRole));
    }

    public long members(Role role) {
        return membersByRole.getOrDefault(role, 0L);
    }
}

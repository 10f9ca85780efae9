package io.campuslab.web.api;

import io.campuslab.core.tenant.SchoolSummary;
import io.campuslab.domain.identity.Role;
import java.util.Map;
import java.util.TreeMap;

/** A school as the API shows it; members counted per realm role name. */
public record School(String slug, String name, String status, String namespace, Map<String, Long> members) {

    static School of(SchoolSummary summary) {
        Map<String, Long> members = new TreeMap<>();
        for (Role role : Role.values()) {
            members.put(role.realmName(), summary.members(role));
        }
        return new School(summary.slug(), summary.displayName(), summary.status(), summary.namespace(), members);
    }
}

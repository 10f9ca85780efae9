package io.campuslab.core.quota;

import io.campuslab.domain.quota.Allowance;
import java.io.Serializable;
import java.util.List;

/** A school's allowances as its admin sees them: the two role defaults and the members' overrides. */
public record SchoolAllowances(Allowance students, Allowance teachers, List<MemberAllowance> members) implements Serializable {

    public SchoolAllowances {
        members = List.copyOf(members);
    }

    /** One member's override. */
    public record MemberAllowance(String username, String displayName, Allowance allowance) implements Serializable {
    }
}

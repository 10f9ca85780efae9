package io.campuslab.core.lab;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.lab.LabUsage;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.Term;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A member's usage this month (calendar month in UTC) and the school's, against the school's
 * monthly GPU-hour budget; and, while the school's term runs, the member's GPU-hours this term
 * against their budget for it. Counted from the labs themselves, so it is exact whatever a pass
 * missed. Labs of class sessions count like any other.
 *
 * @param termOrNull           the school's term, while it runs
 * @param termGpuHours         the member's GPU-hours in the term so far; 0 without a term
 * @param termGpuHoursBudgetOrNull the member's GPU-hours for the term; null when none is set
 */
public record UsageMeter(double cpuCoreHours, double gpuHours, double schoolGpuHours, int schoolGpuHoursBudget,
                         Instant monthStart, Term termOrNull, double termGpuHours, Integer termGpuHoursBudgetOrNull)
        implements Serializable {

    /** Whether the member's GPU-hours for the term are spent. */
    public boolean termBudgetSpent() {
        return termOrNull != null && termGpuHoursBudgetOrNull != null && termGpuHours >= termGpuHoursBudgetOrNull;
    }

    /** GPU-hours the school may still use this month; zero or less when the budget is spent. */
    public double schoolGpuHoursLeft() {
        return schoolGpuHoursBudget - schoolGpuHours;
    }

    static UsageMeter of(LabRepository labs, Tenant school, Member member, Integer termBudgetOrNull, Instant now) {
        Instant monthStart = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        LabUsage mine = LabUsage.NONE;
        LabUsage schools = LabUsage.NONE;
        for (Lab lab : labs.ranBetween(school, monthStart, now)) {
            LabUsage used = lab.usedBetween(monthStart, now);
            schools = schools.plus(used);
            if (lab.owner().id().equals(member.id())) {
                mine = mine.plus(used);
            }
        }
        Term term = school.term().filter(t -> t.contains(now)).orElse(null);
        double termGpuHours = 0;
        if (term != null) {
            for (Lab lab : labs.ranBetween(school, term.start(), now)) {
                if (lab.owner().id().equals(member.id())) {
                    termGpuHours += lab.usedBetween(term.start(), now).gpuHours();
                }
            }
        }
        return new UsageMeter(mine.cpuCoreHours(), mine.gpuHours(), schools.gpuHours(),
                school.quota().gpuHoursPerMonth(), monthStart, term, termGpuHours, termBudgetOrNull);
    }
}

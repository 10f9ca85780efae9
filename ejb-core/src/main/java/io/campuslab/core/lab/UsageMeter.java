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
import java.util.List;
import java.util.function.Predicate;

/**
 * A member's usage this month (calendar month in UTC) and the school's, against the school's
 * monthly GPU-hour budget; and, while the school's term runs, the member's GPU-hours this term
 * against their budget for it. Counted from the labs themselves, so it is exact whatever a pass
 * missed.
 *
 * <p>The school's budget counts every lab. The member's own budgets (a month's, a term's) count the
 * labs the member asked for: a class session's lab is the session's, booked against its reservation,
 * and its hours are shown apart ({@code sessionGpuHours}) but never spend the student's budget.
 *
 * @param gpuHours             the member's GPU-hours this month, in every lab
 * @param sessionGpuHours      the part of them in class sessions' labs
 * @param termOrNull           the school's term, while it runs
 * @param termGpuHours         the member's GPU-hours in the term so far in labs of their own; 0 without a term
 * @param termGpuHoursBudgetOrNull the member's GPU-hours for the term; null when none is set
 */
public record UsageMeter(double cpuCoreHours, double gpuHours, double sessionGpuHours, double schoolGpuHours,
                         int schoolGpuHoursBudget, Instant monthStart, Term termOrNull, double termGpuHours,
                         Integer termGpuHoursBudgetOrNull) implements Serializable {

    /** Whether the member's GPU-hours for the term are spent. */
    public boolean termBudgetSpent() {
        return termOrNull != null && termGpuHoursBudgetOrNull != null && termGpuHours >= termGpuHoursBudgetOrNull;
    }

    /** The member's GPU-hours this month in labs they asked for: what their monthly budget counts. */
    public double ownGpuHours() {
        return gpuHours - sessionGpuHours;
    }

    /** GPU-hours the school may still use this month; zero or less when the budget is spent. */
    public double schoolGpuHoursLeft() {
        return schoolGpuHoursBudget - schoolGpuHours;
    }

    static UsageMeter of(LabRepository labs, Tenant school, Member member, Integer termBudgetOrNull, Instant now) {
        Instant monthStart = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Term term = school.term().filter(t -> t.contains(now)).orElse(null);
        return count(labs.ranBetween(school, monthStart, now), term == null ? List.of() : labs.ranBetween(school, term.start(), now),
                lab -> lab.owner().id().equals(member.id()), school.quota().gpuHoursPerMonth(), monthStart, term,
                termBudgetOrNull, now);
    }

    /**
     * The meter from the school's labs that ran this month and this term.
     *
     * @param mine which of them are the member's
     */
    static UsageMeter count(List<Lab> ranThisMonth, List<Lab> ranThisTerm, Predicate<Lab> mine, int schoolBudget,
                            Instant monthStart, Term termOrNull, Integer termBudgetOrNull, Instant now) {
        LabUsage member = LabUsage.NONE;
        LabUsage school = LabUsage.NONE;
        double inSessions = 0;
        for (Lab lab : ranThisMonth) {
            LabUsage used = lab.usedBetween(monthStart, now);
            school = school.plus(used);
            if (mine.test(lab)) {
                member = member.plus(used);
                if (lab.sessionId().isPresent()) {
                    inSessions += used.gpuHours();
                }
            }
        }
        double termGpuHours = 0;
        if (termOrNull != null) {
            for (Lab lab : ranThisTerm) {
                if (mine.test(lab) && lab.sessionId().isEmpty()) {
                    termGpuHours += lab.usedBetween(termOrNull.start(), now).gpuHours();
                }
            }
        }
        return new UsageMeter(member.cpuCoreHours(), member.gpuHours(), inSessions, school.gpuHours(), schoolBudget,
                monthStart, termOrNull, termGpuHours, termBudgetOrNull);
    }
}

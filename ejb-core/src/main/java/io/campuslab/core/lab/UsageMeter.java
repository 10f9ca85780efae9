package io.campuslab.core.lab;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.lab.LabUsage;
import io.campuslab.domain.tenant.Tenant;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A member's usage this month (calendar month in UTC) and the school's, against the school's
 * monthly GPU-hour budget. Counted from the labs themselves, so it is exact whatever a pass missed.
 */
public record UsageMeter(double cpuCoreHours, double gpuHours, double schoolGpuHours, int schoolGpuHoursBudget,
                         Instant monthStart) implements Serializable {

    /** GPU-hours the school may still use this month; zero or less when the budget is spent. */
    public double schoolGpuHoursLeft() {
        return schoolGpuHoursBudget - schoolGpuHours;
    }

    static UsageMeter of(LabRepository labs, Tenant school, Member member, Instant now) {
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
        return new UsageMeter(mine.cpuCoreHours(), mine.gpuHours(), schools.gpuHours(),
                school.quota().gpuHoursPerMonth(), monthStart);
    }
}

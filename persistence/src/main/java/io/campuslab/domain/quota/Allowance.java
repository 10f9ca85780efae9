package io.campuslab.domain.quota;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.tenant.TenantQuota;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one member may ask for: the largest lab (CPU, memory, GPUs), how many labs at once, and
 * GPU-hours per month and per term (the school's term, when it set one). An empty value sets no limit of its own: the next level decides (a member's
 * override, then the role's default, then the template's maximum and the school's quota).
 */
public record Allowance(Integer maxCpuMillis, Integer maxMemoryMib, Integer maxGpus, Integer labsAtOnce,
                        Integer gpuHoursPerMonth, Integer gpuHoursPerTerm) implements Serializable {

    /** Nothing said: every value comes from the next level. */
    public static final Allowance UNSET = new Allowance(null, null, null, null, null, null);

    /** An allowance that says nothing of the term. */
    public Allowance(Integer maxCpuMillis, Integer maxMemoryMib, Integer maxGpus, Integer labsAtOnce, Integer gpuHoursPerMonth) {
        this(maxCpuMillis, maxMemoryMib, maxGpus, labsAtOnce, gpuHoursPerMonth, null);
    }

    /** Labs a member may hold at once when nobody said otherwise. */
    public static final int DEFAULT_LABS_AT_ONCE = 1;

    /** This allowance where it says something, the other where it does not. */
    public Allowance over(Allowance fallback) {
        return new Allowance(first(maxCpuMillis, fallback.maxCpuMillis), first(maxMemoryMib, fallback.maxMemoryMib),
                first(maxGpus, fallback.maxGpus), first(labsAtOnce, fallback.labsAtOnce),
                first(gpuHoursPerMonth, fallback.gpuHoursPerMonth), first(gpuHoursPerTerm, fallback.gpuHoursPerTerm));
    }

    public int labsAtOnceOrDefault() {
        return labsAtOnce == null ? DEFAULT_LABS_AT_ONCE : labsAtOnce;
    }

    /** Whether a lab of this size is within the allowance. */
    public Optional<AllowanceProblem> refuses(LabResources size) {
        if (maxCpuMillis != null && size.cpuMillis() > maxCpuMillis) {
            return Optional.of(new AllowanceProblem("error.allowance.cpu", maxCpuMillis));
        }
        if (maxMemoryMib != null && size.memoryMib() > maxMemoryMib) {
            return Optional.of(new AllowanceProblem("error.allowance.memory", maxMemoryMib));
        }
        if (maxGpus != null && size.gpus() > maxGpus) {
            return Optional.of(new AllowanceProblem("error.allowance.gpus", maxGpus));
        }
        return Optional.empty();
    }

    /** Where this allowance goes past a ceiling (a value the ceiling leaves open is free), naming the ceiling. */
    public List<AllowanceProblem> problemsBeyond(Allowance ceiling) {
        List<AllowanceProblem> problems = new ArrayList<>();
        beyond(problems, maxCpuMillis, ceiling.maxCpuMillis, "error.allowance.cpu-beyond-admin");
        beyond(problems, maxMemoryMib, ceiling.maxMemoryMib, "error.allowance.memory-beyond-admin");
        beyond(problems, maxGpus, ceiling.maxGpus, "error.allowance.gpus-beyond-admin");
        beyond(problems, labsAtOnce, ceiling.labsAtOnce, "error.allowance.labs-beyond-admin");
        beyond(problems, gpuHoursPerMonth, ceiling.gpuHoursPerMonth, "error.allowance.gpu-hours-beyond-admin");
        beyond(problems, gpuHoursPerTerm, ceiling.gpuHoursPerTerm, "error.allowance.gpu-hours-term-beyond-admin");
        return problems;
    }

    private static void beyond(List<AllowanceProblem> problems, Integer value, Integer ceiling, String key) {
        if (ceiling != null && (value == null || value > ceiling)) {
            problems.add(new AllowanceProblem(key, ceiling));
        }
    }

    /** What is wrong with the allowance as a school admin wrote it: negative, or beyond the school's quota. */
    public List<AllowanceProblem> problemsWithin(TenantQuota quota) {
        List<AllowanceProblem> problems = new ArrayList<>();
        check(problems, maxCpuMillis, quota.cpuCores() * 1000L, "error.allowance.cpu-beyond-school");
        check(problems, maxMemoryMib, quota.memoryGib() * 1024L, "error.allowance.memory-beyond-school");
        check(problems, maxGpus, quota.gpus(), "error.allowance.gpus-beyond-school");
        check(problems, labsAtOnce, quota.concurrentLabs(), "error.allowance.labs-beyond-school");
        check(problems, gpuHoursPerMonth, quota.gpuHoursPerMonth(), "error.allowance.gpu-hours-beyond-school");
        check(problems, gpuHoursPerTerm, Integer.MAX_VALUE, "error.allowance.gpu-hours-negative");
        if (labsAtOnce != null && labsAtOnce == 0) {
            problems.add(new AllowanceProblem("error.allowance.labs-at-least-one", 1));
        }
        return problems;
    }

    private static void check(List<AllowanceProblem> problems, Integer value, long schoolLimit, String key) {
        if (value != null && (value < 0 || value > schoolLimit)) {
            problems.add(new AllowanceProblem(key, schoolLimit));
        }
    }

    private static Integer first(Integer preferred, Integer fallback) {
        return preferred != null ? preferred : fallback;
    }
}

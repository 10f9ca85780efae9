package io.campuslab.domain.lab;

/** What labs used: CPU core-hours (by their limits) and GPU-hours. */
public record LabUsage(double cpuCoreHours, double gpuHours) {

    public static final LabUsage NONE = new LabUsage(0, 0);

    public LabUsage plus(LabUsage other) {
        return new LabUsage(cpuCoreHours + other.cpuCoreHours, gpuHours + other.gpuHours);
    }
}

package io.campuslab.domain.catalog;

/** What one lab asks for: CPU in millicores, memory in MiB, and whole GPUs. */
public record LabResources(int cpuMillis, int memoryMib, int gpus) {

    public LabResources {
        if (cpuMillis <= 0 || memoryMib <= 0 || gpus < 0) {
            throw new IllegalArgumentException("A lab needs some CPU and memory, and no negative GPUs");
        }
    }

    /** Whether this fits within the given maximum in every dimension. */
    public boolean fitsWithin(LabResources maximum) {
        return cpuMillis <= maximum.cpuMillis && memoryMib <= maximum.memoryMib && gpus <= maximum.gpus;
    }
}

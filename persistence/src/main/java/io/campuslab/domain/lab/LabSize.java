package io.campuslab.domain.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/**
 * What a lab asks of the cluster: CPU and memory limits, what it requests of a node (the limits
 * divided by the over-commit ratios when it was asked), and GPUs of one resource key, optionally
 * of one GPU model.
 */
@Embeddable
public class LabSize {

    @Column(name = "cpu_limit_millis", nullable = false)
    private int cpuLimitMillis;

    @Column(name = "memory_limit_mib", nullable = false)
    private int memoryLimitMib;

    @Column(name = "cpu_request_millis", nullable = false)
    private int cpuRequestMillis;

    @Column(name = "memory_request_mib", nullable = false)
    private int memoryRequestMib;

    @Column(name = "gpus", nullable = false)
    private int gpus;

    @Column(name = "gpu_key", length = 63)
    private String gpuKey;

    @Column(name = "gpu_model", length = 63)
    private String gpuModel;

    protected LabSize() {
        // for Jakarta Persistence
    }

    public LabSize(int cpuLimitMillis, int memoryLimitMib, int cpuRequestMillis, int memoryRequestMib, int gpus,
                   String gpuKey, String gpuModel) {
        if (cpuRequestMillis <= 0 || memoryRequestMib <= 0 || cpuRequestMillis > cpuLimitMillis
                || memoryRequestMib > memoryLimitMib || gpus < 0 || (gpus > 0) != (gpuKey != null)) {
            throw new IllegalArgumentException("Not a lab's size");
        }
        this.cpuLimitMillis = cpuLimitMillis;
        this.memoryLimitMib = memoryLimitMib;
        this.cpuRequestMillis = cpuRequestMillis;
        this.memoryRequestMib = memoryRequestMib;
        this.gpus = gpus;
        this.gpuKey = gpuKey;
        this.gpuModel = gpus > 0 ? gpuModel : null;
    }

    public int cpuLimitMillis() {
        return cpuLimitMillis;
    }

    public int memoryLimitMib() {
        return memoryLimitMib;
    }

    public int cpuRequestMillis() {
        return cpuRequestMillis;
    }

    public int memoryRequestMib() {
        return memoryRequestMib;
    }

    public int gpus() {
        return gpus;
    }

    public Optional<String> gpuKey() {
        return Optional.ofNullable(gpuKey);
    }

    public Optional<String> gpuModel() {
        return Optional.ofNullable(gpuModel);
    }
}

package io.campuslab.core.lab;

import java.io.Serializable;

/**
 * What a member asks for: a template of the school's catalog and, optionally, a size. Empty values
 * take the template's defaults (then the platform's); {@code gpus} 0 is a CPU lab.
 *
 * @param gpuKey   the GPU resource key; empty for the platform's default
 * @param gpuModel a GPU model (a node's {@code nvidia.com/gpu.product}); empty for any
 */
public record LabRequest(String template, Integer cpuMillis, Integer memoryMib, int gpus, String gpuKey, String gpuModel)
        implements Serializable {
}

package io.campuslab.core.lab;

import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.NodeRoom;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.platform.PlatformSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of a requested lab: what was asked, else the template's default, within the template's
 * maximum; GPUs only of a key the platform offers and the template has an image for. Requests are
 * the limits divided by the platform's over-commit ratios.
 */
public final class LabSizing {

    private LabSizing() {
    }

    public static LabSize size(LabRequest request, LabTemplate template, PlatformSettings settings)
            throws InvalidInputException {
        LabResources defaults = template.defaultResources();
        LabResources maximum = template.maxResources();
        int cpu = request.cpuMillis() == null ? defaults.cpuMillis() : request.cpuMillis();
        int memory = request.memoryMib() == null ? defaults.memoryMib() : request.memoryMib();
        if (cpu < 100 || cpu > maximum.cpuMillis()) {
            throw new InvalidInputException("error.lab.cpu-out-of-range", 100, maximum.cpuMillis());
        }
        if (memory < 128 || memory > maximum.memoryMib()) {
            throw new InvalidInputException("error.lab.memory-out-of-range", 128, maximum.memoryMib());
        }
        if (request.gpus() < 0 || request.gpus() > maximum.gpus()) {
            throw new InvalidInputException("error.lab.gpus-out-of-range", maximum.gpus());
        }
        String key = null;
        String model = null;
        if (request.gpus() > 0) {
            key = request.gpuKey() == null || request.gpuKey().isBlank() ? settings.defaultGpuKey() : request.gpuKey();
            if (!settings.gpuResourceKeys().contains(key)) {
                throw new InvalidInputException("error.lab.gpu-key-unknown", key);
            }
            if (!template.gpuImages().containsKey(key)) {
                throw new InvalidInputException("error.lab.no-gpu-image", template.displayName(), key);
            }
            model = request.gpuModel() == null || request.gpuModel().isBlank() ? null : request.gpuModel().strip();
            if (model != null && !model.matches("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")) {
                throw new InvalidInputException("error.lab.gpu-model-invalid", model);
            }
        }
        return new LabSize(cpu, memory, Math.min(cpu, Math.max(1, settings.cpuRequestMillis(cpu))),
                Math.min(memory, Math.max(1, settings.memoryRequestMib(memory))), request.gpus(), key, model);
    }

    /** What a lab of this size takes, for admission: its limits, its requests, its GPUs and the GPU model it needs. */
    public static Demand demand(LabSize size) {
        return new Demand(size.cpuLimitMillis(), size.memoryLimitMib(), size.cpuRequestMillis(), size.memoryRequestMib(),
                size.gpus(), size.gpuKey().orElse(null),
                size.gpuModel().map(m -> Map.of(NodeRoom.GPU_MODEL_LABEL, m)).orElse(Map.of()));
    }

    /** What the ready nodes give labs, for admission: allocatable CPU, memory, GPUs per key, and the GPU model. */
    public static List<NodeRoom> rooms(Collection<ClusterNode> nodes) {
        List<NodeRoom> rooms = new ArrayList<>();
        for (ClusterNode node : nodes) {
            if (node.ready()) {
                Map<String, Integer> gpus = new HashMap<>();
                node.gpus().forEach((key, count) -> gpus.put(key, Math.toIntExact(count)));
                rooms.add(new NodeRoom(node.name(), node.cpuMillis(), node.memoryBytes() >> 20, gpus,
                        node.model().map(m -> Map.of(NodeRoom.GPU_MODEL_LABEL, m)).orElse(Map.of())));
            }
        }
        return rooms;
    }
}

package io.campuslab.bench;

import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.HeldLab;
import io.campuslab.core.lab.admission.NodeRoom;
import io.campuslab.core.lab.admission.QueuedLab;
import io.campuslab.core.lab.admission.TenantLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One admission pass as the labs issue sizes it: 10,000 queued labs of 500 schools on 200 nodes
 * (a quarter with 8 GPUs, some with MIG slices), with 2,000 labs already running. Target: at most
 * 100 ms a pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdmissionPolicyBenchmark {

    private static final String GPU = "nvidia.com/gpu";
    private static final String MIG = "nvidia.com/mig-1g.5gb";

    @Param({"10000"})
    int queued;

    @Param({"500"})
    int schools;

    @Param({"200"})
    int nodes;

    private final AdmissionPolicy policy = new AdmissionPolicy();
    private final List<QueuedLab> queue = new ArrayList<>();
    private final List<HeldLab> held = new ArrayList<>();
    private final Map<String, TenantLimits> limits = new HashMap<>();
    private final List<NodeRoom> rooms = new ArrayList<>();

    @Setup
    public void buildSnapshot() {
        Random random = new Random(42);
        for (int i = 0; i < nodes; i++) {
            Map<String, Integer> gpus = switch (i % 8) {
                case 0, 1 -> Map.of(GPU, 8);
                case 2 -> Map.of(MIG, 7);
                default -> Map.of();
            };
            rooms.add(new NodeRoom("node-" + i, 64_000, 262_144, gpus,
                    gpus.containsKey(GPU) ? Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB") : Map.of()));
        }
        for (int s = 0; s < schools; s++) {
            String tenant = "school-" + s;
            limits.put(tenant, new TenantLimits(tenant, 200_000, 800_000, 60, 6, Map.of(MIG, 4), 1));
        }
        for (int i = 0; i < 2000; i++) {
            held.add(new HeldLab("school-" + (i % schools), "running-" + i, demand(random), "node-" + random.nextInt(nodes)));
        }
        for (int i = 0; i < queued; i++) {
            queue.add(new QueuedLab(i, "school-" + random.nextInt(schools), "user-" + i, i, demand(random)));
        }
    }

    private static Demand demand(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new Demand(4000, 16_384, 2000, 16_384, 1, GPU, Map.of());
        }
        if (kind == 1) {
            return new Demand(2000, 8192, 1000, 8192, 1, MIG, Map.of());
        }
        return new Demand(2000, 4096, 1000, 4096, 0, null, Map.of());
    }

    @Benchmark
    public Admission pass() {
        return policy.decide(queue, held, limits, rooms);
    }
}

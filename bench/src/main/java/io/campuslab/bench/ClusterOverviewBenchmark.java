package io.campuslab.bench;

import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterOverview;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The platform admin's cluster summary: capacity per GPU key summed over every node, as the home
 * page computes it on each visit. 200 nodes is the size the admission target of the labs issue names.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClusterOverviewBenchmark {

    @Param({"4", "200"})
    int nodes;

    private ClusterOverview overview;

    @Setup
    public void buildCluster() {
        List<ClusterNode> list = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Map<String, Long> gpus = switch (i % 4) {
                case 0 -> Map.of("nvidia.com/gpu", 4L);
                case 1 -> Map.of("nvidia.com/mig-1g.5gb", 7L, "nvidia.com/gpu", 1L);
                case 2 -> Map.of("amd.com/gpu", 2L);
                default -> Map.of();
            };
            list.add(new ClusterNode("node-" + i, i % 17 != 0, 32_000, 256L << 30, gpus,
                    gpus.isEmpty() ? null : "GPU-MODEL-" + (i % 3)));
        }
        overview = new ClusterOverview(list);
    }

    @Benchmark
    public Map<String, Long> gpuCapacity() {
        return overview.gpuCapacity();
    }

    @Benchmark
    public long readyNodes() {
        return overview.readyNodes() + overview.cpuMillis();
    }
}

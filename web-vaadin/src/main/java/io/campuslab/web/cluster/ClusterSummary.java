package io.campuslab.web.cluster;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterOverview;
import java.util.stream.Collectors;

/** The cluster's nodes with their CPU, memory and GPUs, and the GPU capacity per resource key. */
public class ClusterSummary extends VerticalLayout {

    private static final long GIB = 1024L * 1024 * 1024;

    public ClusterSummary(ClusterOverview overview) {
        setPadding(false);
        Paragraph capacity = new Paragraph(getTranslation("cluster.capacity",
                overview.readyNodes(), overview.nodes().size(), overview.cpuMillis() / 1000,
                overview.memoryBytes() / GIB, gpus(overview)));
        capacity.setId("cluster-capacity");

        Grid<ClusterNode> nodes = new Grid<>();
        nodes.setId("cluster-nodes");
        nodes.addColumn(ClusterNode::name).setHeader(getTranslation("cluster.node")).setAutoWidth(true);
        nodes.addColumn(node -> getTranslation(node.ready() ? "cluster.ready" : "cluster.not-ready"))
                .setHeader(getTranslation("cluster.status"));
        nodes.addColumn(node -> node.cpuMillis() / 1000).setHeader(getTranslation("cluster.cpu"));
        nodes.addColumn(node -> node.memoryBytes() / GIB).setHeader(getTranslation("cluster.memory"));
        nodes.addColumn(ClusterNode::gpuCount).setHeader(getTranslation("cluster.gpus"));
        nodes.addColumn(node -> node.model().orElse("")).setHeader(getTranslation("cluster.gpu-model")).setAutoWidth(true);
        nodes.setItems(overview.nodes());
        nodes.setAllRowsVisible(true);

        add(new H3(getTranslation("cluster.title")), capacity, nodes);
    }

    private String gpus(ClusterOverview overview) {
        if (overview.gpuCapacity().isEmpty()) {
            return getTranslation("cluster.no-gpus");
        }
        return overview.gpuCapacity().entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}

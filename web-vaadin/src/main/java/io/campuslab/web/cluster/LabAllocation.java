package io.campuslab.web.cluster;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.lab.SchoolAllocation;
import java.util.List;

/** The platform admin's view of the labs: what each school holds of the cluster, and the queue. */
public class LabAllocation extends VerticalLayout {

    public LabAllocation(List<SchoolAllocation> schools, List<LabView> queue) {
        setPadding(false);
        Grid<SchoolAllocation> allocation = new Grid<>();
        allocation.setId("cluster-allocation");
        allocation.addColumn(SchoolAllocation::tenant).setHeader(getTranslation("school.slug")).setAutoWidth(true);
        allocation.addColumn(SchoolAllocation::running).setHeader(getTranslation("cluster.labs-running"));
        allocation.addColumn(SchoolAllocation::starting).setHeader(getTranslation("cluster.labs-starting"));
        allocation.addColumn(SchoolAllocation::queued).setHeader(getTranslation("cluster.labs-queued"));
        allocation.addColumn(s -> s.cpuMillis() / 1000.0).setHeader(getTranslation("cluster.cpu"));
        allocation.addColumn(s -> s.memoryMib() / 1024).setHeader(getTranslation("cluster.memory"));
        allocation.addColumn(s -> getTranslation("cluster.gpus-of-quota", s.gpus(), s.gpuQuota()))
                .setHeader(getTranslation("cluster.gpus"));
        allocation.setItems(schools);
        allocation.setAllRowsVisible(true);

        Grid<LabView> waiting = new Grid<>();
        waiting.setId("cluster-queue");
        waiting.addColumn(LabView::tenant).setHeader(getTranslation("school.slug")).setAutoWidth(true);
        waiting.addColumn(LabView::owner).setHeader(getTranslation("members.username")).setAutoWidth(true);
        waiting.addColumn(LabView::templateTitle).setHeader(getTranslation("school-labs.template"));
        waiting.addColumn(lab -> lab.queuePosition() == null ? "" : lab.queuePosition().toString())
                .setHeader(getTranslation("cluster.queue-position"));
        waiting.addColumn(lab -> getTranslation(lab.reasonKey(), lab.reasonDetail())).setHeader(getTranslation("school-labs.reason"))
                .setFlexGrow(2);
        waiting.setItems(queue);
        waiting.setAllRowsVisible(true);

        add(new H4(getTranslation("cluster.allocation")));
        add(schools.isEmpty() ? new Paragraph(getTranslation("cluster.no-labs")) : allocation);
        add(new H4(getTranslation("cluster.queue")));
        add(queue.isEmpty() ? new Paragraph(getTranslation("cluster.queue-empty")) : waiting);
    }
}

package io.campuslab.web.lab;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.lab.LabService;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.layout.Refresh;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/** The school admin's view of every active lab of the school, kept current, each with Stop. */
@Route(value = "school-labs", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
public class SchoolLabsView extends VerticalLayout implements HasDynamicTitle {

    private static final int REFRESH_MILLIS = 10_000;

    private final LabService labs;
    private final Grid<LabView> grid = new Grid<>();
    private final List<LabView> shown = new ArrayList<>();
    /** Rows are labs by id, so a lab whose state changes keeps its row (and its one Stop button). */
    private final ListDataProvider<LabView> rows = new ListDataProvider<>(shown) {
        @Override
        public Object getId(LabView lab) {
            return lab.id();
        }
    };

    @Inject
    public SchoolLabsView(LabService labs, LabSignals signals) {
        this.labs = labs;
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("school-labs-grid");
        grid.addColumn(LabView::owner).setHeader(getTranslation("members.username")).setAutoWidth(true);
        grid.addColumn(LabView::templateTitle).setHeader(getTranslation("school-labs.template")).setAutoWidth(true);
        grid.addColumn(lab -> getTranslation("lab.state." + lab.state().name().toLowerCase()))
                .setHeader(getTranslation("school-labs.state"));
        grid.addColumn(lab -> getTranslation(lab.reasonKey(), lab.reasonDetail())).setHeader(getTranslation("school-labs.reason"))
                .setFlexGrow(2);
        grid.addColumn(lab -> lab.gpus() > 0
                        ? getTranslation("lab.size-gpu", lab.cpuMillis() / 1000.0, lab.memoryMib() / 1024.0, lab.gpus(), lab.gpuKey())
                        : getTranslation("lab.size", lab.cpuMillis() / 1000.0, lab.memoryMib() / 1024.0))
                .setHeader(getTranslation("school-labs.size")).setAutoWidth(true);
        grid.addColumn(lab -> time.format(lab.requestedAt())).setHeader(getTranslation("school-labs.requested"));
        // rendered in the browser: a row that changes keeps one button, never a stale copy beside it
        grid.addColumn(LitRenderer.<LabView>of("<vaadin-button id=\"stop-lab-${item.id}\" theme=\"small error\""
                        + " @click=\"${stop}\"><vaadin-icon icon=\"vaadin:stop\" slot=\"prefix\"></vaadin-icon>"
                        + "${item.label}</vaadin-button>")
                .withProperty("id", LabView::id)
                .withProperty("label", lab -> getTranslation("lab.stop"))
                .withFunction("stop", lab -> stop(lab.id())))
                .setAutoWidth(true);
        grid.setItems(rows);
        grid.setSizeFull();
        setSizeFull();
        add(new H3(getTranslation("school-labs.title")), grid);
        refresh();
        Refresh.whileShown(this, REFRESH_MILLIS, signals, this::refresh);
    }

    private void stop(long id) {
        try {
            labs.stop(id);
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    /** Shows the school's labs anew when they changed since the last look. */
    private void refresh() {
        try {
            List<LabView> latest = labs.school();
            if (!latest.equals(shown)) {
                shown.clear();
                shown.addAll(latest);
                rows.refreshAll();
            }
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("school-labs.title");
    }
}

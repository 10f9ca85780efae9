package io.campuslab.web.tenant;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import io.campuslab.core.tenant.SchoolSummary;
import io.campuslab.domain.identity.Role;
import java.util.List;

/** Every school on the platform, each linking to its page. */
public class SchoolsGrid extends VerticalLayout {

    public SchoolsGrid(List<SchoolSummary> schools) {
        setPadding(false);
        Grid<SchoolSummary> grid = new Grid<>();
        grid.setId("schools-grid");
        grid.addComponentColumn(school -> new RouterLink(school.displayName(), SchoolView.class,
                new RouteParameters("tenant", school.slug()))).setHeader(getTranslation("school.name")).setAutoWidth(true);
        grid.addColumn(SchoolSummary::slug).setHeader(getTranslation("school.slug"));
        grid.addColumn(school -> getTranslation("school.status." + school.status().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("school.status"));
        grid.addColumn(school -> school.members(Role.STUDENT)).setHeader(getTranslation("schools.students"));
        grid.addColumn(school -> school.members(Role.TEACHER)).setHeader(getTranslation("schools.teachers"));
        grid.setItems(schools);
        grid.setAllRowsVisible(true);
        add(new H3(getTranslation("schools.title")), grid);
    }
}

package io.campuslab.web.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.audit.AuditEntry;
import io.campuslab.core.audit.AuditService;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Stream;

/** Who changed what and when: the school admin's own school, the operator's whole platform. */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    @Inject
    public AuditView(AuditService audit) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addColumn(entry -> time.format(entry.at())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.who"));
        grid.addColumn(entry -> entry.tenant() == null ? "" : entry.tenant()).setHeader(getTranslation("school.slug"));
        grid.addColumn(entry -> action(entry.action())).setHeader(getTranslation("audit.what")).setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("audit.item"));
        grid.addColumn(entry -> entry.detail() == null ? "" : entry.detail()).setHeader(getTranslation("audit.detail"))
                .setFlexGrow(2);
        grid.setItems(query -> page(audit, query.getOffset(), query.getLimit()));
        setSizeFull();
        grid.setSizeFull();
        add(new H3(getTranslation("audit.title")), grid);
    }

    private static Stream<AuditEntry> page(AuditService audit, int offset, int limit) {
        try {
            return audit.recent(offset, limit).stream();
        } catch (NotPermittedException e) {
            return Stream.empty();
        }
    }

    /** The action in words where the bundles know it, else its key. */
    private String action(String key) {
        String text = getTranslation("audit.action." + key);
        return text.startsWith("!") ? key : text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}

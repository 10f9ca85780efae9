package io.campuslab.web.tenant;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.AccessDeniedException;
import io.campuslab.core.tenant.TenantService;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** A school's own page, for its teachers and admins and for the operator. Other schools get 403. */
@Route(value = "school/:tenant", layout = MainLayout.class)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER})
public class SchoolView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TenantService tenants;
    private String title = "";

    @Inject
    public SchoolView(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("tenant").orElse("");
        try {
            var school = tenants.schoolSummary(slug);
            title = school.displayName();
            removeAll();
            add(new SchoolCard(school));
        } catch (io.campuslab.core.platform.NotPermittedException e) {
            event.rerouteToError(AccessDeniedException.class);
        } catch (io.campuslab.core.platform.NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("app.title") : title;
    }
}

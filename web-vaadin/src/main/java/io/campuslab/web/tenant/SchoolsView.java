package io.campuslab.web.tenant;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.tenant.TenantService;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** The operator's list of schools. */
@Route(value = "schools", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class SchoolsView extends VerticalLayout implements HasDynamicTitle {

    @Inject
    public SchoolsView(TenantService tenants) {
        add(new SchoolsGrid(tenants.listSchools()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schools.title");
    }
}

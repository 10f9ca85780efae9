package io.campuslab.web.tenant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.tenant.SchoolOnboarding;
import io.campuslab.core.tenant.SchoolSummary;
import io.campuslab.core.tenant.TenantService;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Locale;

/** The operator's schools: onboard a new one, rename, suspend and resume. */
@Route(value = "schools", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class SchoolsView extends VerticalLayout implements HasDynamicTitle {

    private final TenantService tenants;
    private final SchoolOnboarding onboarding;
    private final Grid<SchoolSummary> grid = new Grid<>();

    @Inject
    public SchoolsView(TenantService tenants, SchoolOnboarding onboarding) {
        this.tenants = tenants;
        this.onboarding = onboarding;
        Button add = new Button(getTranslation("schools.add"), VaadinIcon.PLUS.create(), click -> openNewSchool());
        add.setId("add-school");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("schools.title")), add);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        configureGrid();
        add(header, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("schools-admin-grid");
        grid.addComponentColumn(school -> new RouterLink(school.displayName(), SchoolView.class,
                new RouteParameters("tenant", school.slug()))).setHeader(getTranslation("school.name")).setAutoWidth(true);
        grid.addColumn(SchoolSummary::slug).setHeader(getTranslation("school.slug"));
        grid.addColumn(school -> getTranslation("school.status." + school.status().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("school.status"));
        grid.addColumn(school -> school.members(Role.STUDENT)).setHeader(getTranslation("schools.students"));
        grid.addColumn(school -> school.members(Role.TEACHER)).setHeader(getTranslation("schools.teachers"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("schools.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private Component actions(SchoolSummary school) {
        Button rename = new Button(getTranslation("schools.rename"), click -> openRename(school));
        rename.setId("rename-" + school.slug());
        boolean active = "ACTIVE".equals(school.status());
        Button toggle = new Button(getTranslation(active ? "schools.suspend" : "schools.resume"), click -> toggle(school, active));
        toggle.setId((active ? "suspend-" : "resume-") + school.slug());
        if (active) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(rename, toggle);
    }

    private void openNewSchool() {
        SchoolForm form = new SchoolForm(null, null);
        form.addSaveListener(save -> {
            try {
                SchoolOnboarding.Onboarded onboarded = onboarding.onboard(save.slug(), save.name(), save.firstAdmin());
                SchoolSummary school = onboarded.school();
                onboarded.firstAdmin().ifPresentOrElse(form::showHandover, form::close);
                refresh();
                ErrorMessages.notify(getTranslation("schools.onboarded", school.displayName()), "schools-notification",
                        NotificationVariant.LUMO_SUCCESS);
            } catch (CampusLabException e) {
                form.showError(ErrorMessages.text(e, getLocale()));
            }
        });
        form.open();
    }

    private void openRename(SchoolSummary school) {
        SchoolForm form = new SchoolForm(school.slug(), school.displayName());
        form.addSaveListener(save -> {
            try {
                tenants.rename(school.slug(), save.name());
                form.close();
                refresh();
            } catch (CampusLabException e) {
                form.showError(ErrorMessages.text(e, getLocale()));
            }
        });
        form.open();
    }

    private void toggle(SchoolSummary school, boolean active) {
        try {
            if (active) {
                tenants.suspend(school.slug());
            } else {
                tenants.resume(school.slug());
            }
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void refresh() {
        grid.setItems(tenants.listSchools());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schools.title");
    }
}

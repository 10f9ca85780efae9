package io.campuslab.web.tenant;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.AccessDeniedException;
import io.campuslab.core.identity.SchoolSignInService;
import io.campuslab.core.tenant.TenantService;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.security.SignedInMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** A school's own page, for its teachers and admins and for the operator. Other schools get 403. */
@Route(value = "school/:tenant", layout = MainLayout.class)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER})
public class SchoolView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TenantService tenants;
    private final SchoolSignInService signIn;
    private final SignedInMember member;
    private String title = "";

    @Inject
    public SchoolView(TenantService tenants, SchoolSignInService signIn, SignedInMember member) {
        this.tenants = tenants;
        this.signIn = signIn;
        this.member = member;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("tenant").orElse("");
        try {
            var school = tenants.schoolSummary(slug);
            title = school.displayName();
            removeAll();
            boolean runsSchool = member.current().hasRole(Role.PLATFORM_ADMIN) || member.current().hasRole(Role.TENANT_ADMIN);
            add(new SchoolCard(school), new H4(getTranslation("quota.title")),
                    new QuotaForm(tenants.quota(slug), member.current().hasRole(Role.PLATFORM_ADMIN), quota -> save(slug, quota)),
                    new H4(getTranslation("term.title")), new Paragraph(getTranslation("term.help")),
                    new TermForm(tenants.term(slug), runsSchool, (starts, ends) -> saveTerm(slug, starts, ends)));
            if (member.current().hasRole(Role.TENANT_ADMIN)) {
                com.vaadin.flow.component.checkbox.Checkbox labs =
                        new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("school.admins-open-labs"), school.adminsOpenLabs());
                labs.setId("school-admins-open-labs");
                labs.setHelperText(getTranslation("school.admins-open-labs-help"));
                labs.addValueChangeListener(change -> {
                    if (change.isFromClient()) {
                        try {
                            tenants.letAdminsOpenLabs(change.getValue());
                            ErrorMessages.notify(getTranslation("school.saved"), "school-saved", NotificationVariant.LUMO_SUCCESS);
                        } catch (io.campuslab.core.platform.CampusLabException e) {
                            labs.setValue(change.getOldValue());
                            ErrorMessages.show(e);
                        }
                    }
                });
                add(new H4(getTranslation("school.labs-title")), labs);
            }
            if (runsSchool) {
                add(new H4(getTranslation("school.sign-in-title")),
                        new SignInForm(signIn, signIn.of(slug), member.current().hasRole(Role.PLATFORM_ADMIN)));
            }
        } catch (io.campuslab.core.platform.NotPermittedException e) {
            event.rerouteToError(AccessDeniedException.class);
        } catch (io.campuslab.core.platform.NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void saveTerm(String slug, java.time.LocalDate starts, java.time.LocalDate ends) {
        try {
            tenants.changeTerm(slug, starts, ends);
            ErrorMessages.notify(getTranslation("term.saved"), "term-saved", NotificationVariant.LUMO_SUCCESS);
        } catch (io.campuslab.core.platform.CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void save(String slug, io.campuslab.core.tenant.SchoolQuota quota) {
        try {
            tenants.changeQuota(slug, quota);
            ErrorMessages.notify(getTranslation("quota.saved"), "quota-saved", NotificationVariant.LUMO_SUCCESS);
        } catch (io.campuslab.core.platform.CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("app.title") : title;
    }
}

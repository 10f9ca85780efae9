package io.campuslab.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.cluster.ClusterService;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.core.lab.LabService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.tenant.TenantService;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.cluster.ClusterSummary;
import io.campuslab.web.cluster.LabAllocation;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.security.SignedInMember;
import io.campuslab.web.tenant.SchoolCard;
import io.campuslab.web.tenant.SchoolsGrid;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/** The start page: what matters first to a student, a teacher, a school admin or the operator. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    private final TenantService tenants;
    private final ClusterService cluster;
    private final LabService labs;

    @Inject
    public HomeView(SignedInMember member, TenantService tenants, ClusterService cluster, LabService labs) {
        this.tenants = tenants;
        this.cluster = cluster;
        this.labs = labs;
        CallerProfile profile = member.current();
        Role role = profile.primaryRole();

        H2 greeting = new H2(getTranslation("home.greeting", profile.displayName()));
        greeting.setId("home-greeting");
        Paragraph summary = new Paragraph(getTranslation("home.summary",
                profile.school().orElse(getTranslation("app.platform")), getTranslation("role." + role.realmName())));
        summary.setId("home-summary");
        add(greeting, summary, roleSection(profile, role));
    }

    private Component roleSection(CallerProfile profile, Role role) {
        try {
            return switch (role) {
                case PLATFORM_ADMIN -> new VerticalLayout(clusterSection(), new LabAllocation(labs.allocation(), labs.queue()),
                        new SchoolsGrid(tenants.listSchools()));
                case TENANT_ADMIN, TEACHER -> new SchoolCard(tenants.schoolSummary(profile.tenant().orElseThrow()));
                case STUDENT -> labStatus();
            };
        } catch (CampusLabException e) {
            return errorText(e);
        }
    }

    private Component clusterSection() {
        try {
            return new ClusterSummary(cluster.overview());
        } catch (ClusterUnavailableException e) {
            return errorText(e);
        }
    }

    /** The student's lab in a line: its state, or that there is none. */
    private Component labStatus() throws CampusLabException {
        Paragraph status = labs.mine().stream().filter(lab -> lab.state().isActive()).findFirst()
                .map(lab -> new Paragraph(getTranslation("home.student.lab", lab.templateTitle(),
                        getTranslation("lab.state." + lab.state().name().toLowerCase()))))
                .orElseGet(() -> new Paragraph(getTranslation("home.student.no-lab")));
        status.setId("lab-status");
        return status;
    }

    private Component errorText(CampusLabException e) {
        Paragraph error = new Paragraph(ErrorMessages.text(e, getLocale()));
        error.setId("home-error");
        return error;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}

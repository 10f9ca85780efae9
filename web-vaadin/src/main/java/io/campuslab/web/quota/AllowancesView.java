package io.campuslab.web.quota;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.quota.AllowanceService;
import io.campuslab.core.quota.SchoolAllowances;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.quota.Allowance;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Allowances: what a student and a teacher of the school may ask for per lab, how many labs at
 * once and GPU-hours a month; below, the members with an override of their own, and a form to add one.
 */
@Route(value = "allowances", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
public class AllowancesView extends VerticalLayout implements HasDynamicTitle {

    private final AllowanceService allowances;
    private final VerticalLayout content = new VerticalLayout();

    @Inject
    public AllowancesView(AllowanceService allowances) {
        this.allowances = allowances;
        content.setPadding(false);
        add(new H3(getTranslation("allowances.title")), new Paragraph(getTranslation("allowances.intro")), content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        try {
            SchoolAllowances school = allowances.list();
            content.add(new H4(getTranslation("allowances.students")),
                    new AllowanceForm("students", school.students(), a -> saveRole(Role.STUDENT, a)),
                    new H4(getTranslation("allowances.teachers")),
                    new AllowanceForm("teachers", school.teachers(), a -> saveRole(Role.TEACHER, a)),
                    new H4(getTranslation("allowances.members")), members(school), newOverride());
        } catch (CampusLabException e) {
            content.add(new Paragraph(ErrorMessages.text(e, getLocale())));
        }
    }

    private Grid<SchoolAllowances.MemberAllowance> members(SchoolAllowances school) {
        Grid<SchoolAllowances.MemberAllowance> grid = new Grid<>();
        grid.setId("allowance-members");
        grid.addColumn(SchoolAllowances.MemberAllowance::username).setHeader(getTranslation("allowances.member"));
        grid.addColumn(m -> text(m.allowance())).setHeader(getTranslation("allowances.override")).setFlexGrow(3);
        grid.addComponentColumn(m -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> remove(m.username()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("allowances.remove", m.username()));
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(school.members());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private VerticalLayout newOverride() {
        TextField username = new TextField(getTranslation("allowances.member"));
        username.setId("override-username");
        VerticalLayout box = new VerticalLayout(username,
                new AllowanceForm("override", Allowance.UNSET, a -> saveMember(username.getValue(), a)));
        box.setPadding(false);
        return box;
    }

    private String text(Allowance a) {
        String none = "—";
        return getTranslation("allowances.summary",
                a.maxCpuMillis() == null ? none : a.maxCpuMillis() / 1000.0,
                a.maxMemoryMib() == null ? none : a.maxMemoryMib() / 1024.0,
                a.maxGpus() == null ? none : a.maxGpus(),
                a.labsAtOnce() == null ? none : a.labsAtOnce(),
                a.gpuHoursPerMonth() == null ? none : a.gpuHoursPerMonth(),
                a.gpuHoursPerTerm() == null ? none : a.gpuHoursPerTerm());
    }

    private void saveRole(Role role, Allowance allowance) {
        try {
            allowances.setForRole(role, allowance);
            ErrorMessages.notify(getTranslation("allowances.saved"), "allowances-saved", NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void saveMember(String username, Allowance allowance) {
        try {
            allowances.setForMember(username.strip(), allowance);
            ErrorMessages.notify(getTranslation("allowances.saved"), "allowances-saved", NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void remove(String username) {
        try {
            allowances.removeForMember(username);
            refresh();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("allowances.title");
    }
}

package io.campuslab.web.identity;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.UI;
import io.campuslab.core.account.MemberAccounts;
import io.campuslab.core.account.MemberRemoval;
import io.campuslab.core.identity.MemberImport;
import io.campuslab.core.identity.MemberRow;
import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.MemberPasswords;
import io.campuslab.core.identity.MemberRoles;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.classroom.BrowserZone;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Stream;

/** The school admin's members: search, role per member, adding one by hand, and importing a class list. */
@Route(value = "members", layout = MainLayout.class)
@RolesAllowed(Roles.TENANT_ADMIN)
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    private static final List<Role> SCHOOL_ROLES = List.of(Role.STUDENT, Role.TEACHER, Role.TENANT_ADMIN);

    private final SchoolMembers members;
    private final MemberRoles roles;
    private final MemberPasswords passwords;
    private final MemberAccounts accounts;
    private final MemberRemoval removal;
    private final Grid<MemberRow> grid = new Grid<>();
    private final TextField search = new TextField();

    @Inject
    public MembersView(SchoolMembers members, MemberRoles roles, MemberImport imports, MemberPasswords passwords,
                       MemberAccounts accounts, MemberRemoval removal) {
        this.accounts = accounts;
        this.removal = removal;
        this.members = members;
        this.roles = roles;
        this.passwords = passwords;
        search.setId("members-search");
        search.setPlaceholder(getTranslation("members.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        Button importButton = new Button(getTranslation("members.import"), VaadinIcon.UPLOAD.create(),
                click -> new ClassImportDialog(imports, () -> grid.getDataProvider().refreshAll()).open());
        importButton.setId("import-members");
        Button addButton = new Button(getTranslation("members.add"), VaadinIcon.PLUS.create(),
                click -> new MemberForm(imports, SCHOOL_ROLES, () -> grid.getDataProvider().refreshAll()).open());
        addButton.setId("add-member");
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("members.title")), search, addButton,
                importButton);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        configureGrid();
        setSizeFull();
        add(header, grid);
    }

    private void configureGrid() {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("members-grid");
        grid.addColumn(MemberRow::displayName).setHeader(getTranslation("members.name")).setAutoWidth(true);
        grid.addColumn(MemberRow::username).setHeader(getTranslation("members.username"));
        grid.addColumn(MemberRow::email).setHeader(getTranslation("members.email"));
        grid.addComponentColumn(this::roleSelect).setHeader(getTranslation("members.role")).setAutoWidth(true);
        grid.addColumn(MemberRow::className).setHeader(getTranslation("members.class"));
        grid.addColumn(row -> row.lastSignIn() == null ? getTranslation("members.never") : time.format(row.lastSignIn()))
                .setHeader(getTranslation("members.last-sign-in"));
        grid.addComponentColumn(this::resetButton).setAutoWidth(true);
        grid.addComponentColumn(this::suspendButton).setAutoWidth(true);
        grid.addComponentColumn(this::removalButton).setAutoWidth(true);
        grid.setItems(query -> page(query.getOffset(), query.getLimit()));
        grid.setSizeFull();
    }

    private Stream<MemberRow> page(int offset, int limit) {
        try {
            return members.search(search.getValue(), offset, limit).stream();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
            return Stream.empty();
        }
    }

    /** A one-time password for the member, shown once in a dialog; the member changes it at their next sign-in. */
    private Component resetButton(MemberRow row) {
        Button reset = new Button(getTranslation("members.reset-password"), VaadinIcon.KEY.create(), click -> {
            try {
                ImportedPerson person = passwords.reset(row.username());
                PasswordHandover.showReset(person);
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        reset.setId("reset-password-" + row.username());
        reset.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        return reset;
    }

    /** Suspends a member, or resumes a suspended one; the list shows the change. */
    private Component suspendButton(MemberRow row) {
        Button button = new Button(getTranslation(row.suspended() ? "members.resume" : "members.suspend"), click -> {
            try {
                if (row.suspended()) {
                    accounts.resume(row.username());
                } else {
                    accounts.suspend(row.username());
                }
                ErrorMessages.notify(getTranslation(row.suspended() ? "members.resumed" : "members.suspended", row.username()),
                        row.suspended() ? "member-resumed" : "member-suspended",
                        com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                grid.getDataProvider().refreshAll();
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        button.setId((row.suspended() ? "resume-" : "suspend-") + row.username());
        button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                row.suspended() ? com.vaadin.flow.component.button.ButtonVariant.LUMO_SUCCESS
                        : com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR);
        return button;
    }

    /**
     * Removes a member after showing what it does; a member already leaving shows until when, and may
     * be kept.
     */
    private Component removalButton(MemberRow row) {
        if (row.deleteAfter() != null) {
            Button keep = new Button(getTranslation("members.keep",
                    BrowserZone.when(row.deleteAfter(), BrowserZone.of(UI.getCurrent()))), click -> {
                try {
                    removal.keep(row.username());
                    ErrorMessages.notify(getTranslation("members.kept", row.username()), "member-kept",
                            com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                    grid.getDataProvider().refreshAll();
                } catch (CampusLabException e) {
                    ErrorMessages.show(e);
                }
            });
            keep.setId("keep-" + row.username());
            keep.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
            return keep;
        }
        Button remove = new Button(getTranslation("members.remove"), VaadinIcon.TRASH.create(), click -> {
            try {
                new RemovalDialog(removal, removal.preview(row.username()), () -> grid.getDataProvider().refreshAll()).open();
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        remove.setId("remove-" + row.username());
        remove.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private Component roleSelect(MemberRow row) {
        Select<Role> role = new Select<>();
        role.setId("role-" + row.username());
        role.setItems(SCHOOL_ROLES);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.realmName()));
        role.setValue(row.role());
        role.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                roles.changeRole(row.username(), change.getValue());
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
                role.setValue(change.getOldValue());
            }
        });
        return role;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.title");
    }
}

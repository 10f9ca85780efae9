package io.campuslab.web.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.i18n.LanguagePreference;
import io.campuslab.web.i18n.Messages;
import io.campuslab.web.security.SignedInMember;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The frame of every page: the school's name and the person's name at the top, a language switch
 * and logout, and a side navigation that lists only what the person's roles may open.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final String accountConsole;

    @Inject
    public MainLayout(SignedInMember member, io.campuslab.web.security.OidcEndpoints endpoints) {
        CallerProfile profile = member.current();
        accountConsole = endpoints.accountConsole();
        addToNavbar(new DrawerToggle(), header(profile));
        addToDrawer(navigation(profile));
        setPrimarySection(Section.DRAWER);
    }

    private HorizontalLayout header(CallerProfile profile) {
        Span title = new Span(getTranslation("app.title"));
        title.addClassNames(LumoUtility.FontWeight.BOLD, LumoUtility.FontSize.LARGE);
        Span school = new Span(profile.school().orElse(getTranslation("app.platform")));
        school.setId("school-name");
        Span user = new Span(profile.displayName());
        user.setId("user-name");
        HorizontalLayout header = new HorizontalLayout(title, school, spacer(), user, account(), languageSwitch(), logout());
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        return header;
    }

    /** Keycloak's account console: the person's own password, sessions and sign-in settings. */
    private Anchor account() {
        Anchor account = new Anchor(accountConsole, VaadinIcon.USER.create(), new Span(getTranslation("nav.account")));
        account.setId("account");
        account.setRouterIgnore(true);
        account.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL,
                LumoUtility.Padding.Horizontal.SMALL, LumoUtility.FontSize.SMALL);
        return account;
    }

    /**
     * A plain link rather than a button: the browser goes to the logout servlet itself, without a
     * round trip through the page's server-side state, so logout works even when that state is gone
     * (after a server restart or an expired session) or busy.
     */
    private Anchor logout() {
        Anchor logout = new Anchor("logout", VaadinIcon.SIGN_OUT.create(), new Span(getTranslation("nav.logout")));
        logout.setId("logout");
        logout.setRouterIgnore(true);
        logout.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL,
                LumoUtility.Padding.Horizontal.SMALL, LumoUtility.FontSize.SMALL);
        return logout;
    }

    private static Span spacer() {
        Span spacer = new Span();
        spacer.getStyle().set("flex-grow", "1");
        return spacer;
    }

    private Select<Locale> languageSwitch() {
        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(Messages.SUPPORTED);
        // Each language is named in itself, so that anyone can find their own.
        language.setItemLabelGenerator(locale -> locale.equals(Messages.SIMPLIFIED_CHINESE) ? "简体中文" : "English");
        language.setValue(Messages.supported(UI.getCurrent().getLocale()));
        language.setAriaLabel(getTranslation("nav.language"));
        language.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                LanguagePreference.choose(change.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        return language;
    }

    private SideNav navigation(CallerProfile profile) {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        nav.addItem(item("nav.home", "", VaadinIcon.HOME));
        if (profile.tenant().isPresent()) {
            nav.addItem(item("nav.lab", "lab", VaadinIcon.LAPTOP));
        }
        nav.addItem(item("nav.catalog", "catalog", VaadinIcon.GRID_BIG));
        nav.addItem(item("nav.datasets", "datasets", VaadinIcon.DATABASE));
        if (profile.tenant().isPresent()) {
            nav.addItem(item("nav.courses", "courses", VaadinIcon.BOOK));
        }
        if (profile.tenant().isPresent() && (profile.hasRole(Role.TEACHER) || profile.hasRole(Role.TENANT_ADMIN))) {
            nav.addItem(item("nav.classrooms", "classrooms", VaadinIcon.GROUP));
            nav.addItem(item("nav.my-school", "school/" + profile.tenant().get(), VaadinIcon.ACADEMY_CAP));
        }
        if (profile.hasRole(Role.PLATFORM_ADMIN)) {
            nav.addItem(item("nav.schools", "schools", VaadinIcon.BUILDING));
            nav.addItem(item("nav.settings", "settings", VaadinIcon.COG));
        }
        if (profile.hasRole(Role.TENANT_ADMIN)) {
            nav.addItem(item("nav.school-labs", "school-labs", VaadinIcon.SERVER));
            nav.addItem(item("nav.members", "members", VaadinIcon.USERS));
            nav.addItem(item("nav.allowances", "allowances", VaadinIcon.SLIDERS));
            nav.addItem(item("nav.year-end", "year-end", VaadinIcon.CALENDAR_CLOCK));
        }
        if (profile.hasRole(Role.PLATFORM_ADMIN) || profile.hasRole(Role.TENANT_ADMIN)) {
            nav.addItem(item("nav.audit", "audit", VaadinIcon.CLIPBOARD_TEXT));
        }
        return nav;
    }

    private SideNavItem item(String key, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), path, icon.create());
        item.setId("nav-" + key.substring(key.indexOf('.') + 1));
        return item;
    }
}

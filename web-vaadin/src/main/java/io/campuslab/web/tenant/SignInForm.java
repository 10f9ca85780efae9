package io.campuslab.web.tenant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.campuslab.core.identity.LdapDirectoryDraft;
import io.campuslab.core.identity.OidcProviderDraft;
import io.campuslab.core.identity.ProviderSummary;
import io.campuslab.core.identity.SamlProviderDraft;
import io.campuslab.core.identity.SchoolSignIn;
import io.campuslab.core.identity.SchoolSignInService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.layout.ErrorMessages;
import java.util.Arrays;
import java.util.List;

/**
 * How the school's people sign in: its own OpenID Connect or SAML provider, or its LDAP / Active
 * Directory directory (connect, set anew, remove), and its e-mail domains, which the operator alone
 * changes. For the school's admins and the operator.
 */
class SignInForm extends VerticalLayout {

    private final SchoolSignInService signIn;
    private final String slug;
    private final Div current = new Div();
    private final TextField domains = new TextField();

    SignInForm(SchoolSignInService signIn, SchoolSignIn now, boolean operator) {
        this.signIn = signIn;
        this.slug = now.school();
        setPadding(false);
        current.setId("sign-in-providers");
        add(new Paragraph(getTranslation("sign-in.admin-help", "/school/" + slug)), current);

        TextField name = field("sign-in.name", "sign-in-name");
        TextField issuer = field("sign-in.issuer", "sign-in-issuer");
        issuer.setPlaceholder("https://accounts.google.com");
        TextField clientId = field("sign-in.client-id", "sign-in-client-id");
        PasswordField secret = new PasswordField(getTranslation("sign-in.client-secret"));
        secret.setId("sign-in-client-secret");
        TextField usernameClaim = field("sign-in.username-claim", "sign-in-username-claim");
        usernameClaim.setPlaceholder("preferred_username");
        TextField roleClaim = field("sign-in.role-claim", "sign-in-role-claim");
        TextField teacherValue = field("sign-in.teacher-value", "sign-in-teacher-value");
        TextField adminValue = field("sign-in.admin-value", "sign-in-admin-value");
        Select<Role> defaultRole = new Select<>();
        defaultRole.setLabel(getTranslation("sign-in.default-role"));
        defaultRole.setId("sign-in-default-role");
        defaultRole.setItems(Role.STUDENT, Role.TEACHER);
        defaultRole.setItemLabelGenerator(role -> getTranslation("role." + role.realmName()));
        defaultRole.setValue(Role.STUDENT);
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("sign-in.kind"));
        kind.setId("sign-in-kind");
        kind.setItems(now.directoriesEnabled() ? List.of("oidc", "saml", "ldap") : List.of("oidc", "saml"));
        kind.setItemLabelGenerator(k -> getTranslation("sign-in.kind-" + k));
        TextField metadataUrl = field("sign-in.metadata-url", "sign-in-metadata-url");
        com.vaadin.flow.component.textfield.TextArea metadataXml = new com.vaadin.flow.component.textfield.TextArea(
                getTranslation("sign-in.metadata-xml"));
        metadataXml.setId("sign-in-metadata-xml");
        metadataXml.setMaxHeight("10em");
        TextField directoryUrl = field("sign-in.directory-url", "sign-in-directory-url");
        directoryUrl.setPlaceholder("ldaps://ldap.school.example:636");
        Checkbox activeDirectory = new Checkbox(getTranslation("sign-in.active-directory"));
        activeDirectory.setId("sign-in-active-directory");
        Checkbox startTls = new Checkbox(getTranslation("sign-in.start-tls"));
        startTls.setId("sign-in-start-tls");
        TextField bindDn = field("sign-in.bind-dn", "sign-in-bind-dn");
        bindDn.setPlaceholder("cn=campuslab,ou=services,dc=school,dc=example");
        PasswordField bindPassword = new PasswordField(getTranslation("sign-in.bind-password"));
        bindPassword.setId("sign-in-bind-password");
        TextField usersDn = field("sign-in.users-dn", "sign-in-users-dn");
        usersDn.setPlaceholder("ou=people,dc=school,dc=example");
        TextField userFilter = field("sign-in.user-filter", "sign-in-user-filter");
        TextField groupsDn = field("sign-in.groups-dn", "sign-in-groups-dn");
        groupsDn.setPlaceholder("ou=groups,dc=school,dc=example");
        List<Component> oidcOnly = List.of(issuer, clientId, secret);
        List<Component> samlOnly = List.of(metadataUrl, metadataXml);
        List<Component> ldapOnly = List.of(directoryUrl, activeDirectory, startTls, bindDn, bindPassword, usersDn, userFilter, groupsDn);
        kind.addValueChangeListener(change -> {
            String chosen = change.getValue();
            oidcOnly.forEach(field -> field.setVisible("oidc".equals(chosen)));
            samlOnly.forEach(field -> field.setVisible("saml".equals(chosen)));
            ldapOnly.forEach(field -> field.setVisible("ldap".equals(chosen)));
            roleClaim.setVisible(!"ldap".equals(chosen));
            usernameClaim.setLabel(getTranslation(switch (chosen) {
                case "saml" -> "sign-in.username-attribute";
                case "ldap" -> "sign-in.username-ldap-attribute";
                default -> "sign-in.username-claim";
            }));
            usernameClaim.setPlaceholder(switch (chosen) {
                case "saml" -> "NameID";
                case "ldap" -> "uid";
                default -> "preferred_username";
            });
            roleClaim.setLabel(getTranslation("saml".equals(chosen) ? "sign-in.role-attribute" : "sign-in.role-claim"));
            teacherValue.setLabel(getTranslation("ldap".equals(chosen) ? "sign-in.teacher-group" : "sign-in.teacher-value"));
            adminValue.setLabel(getTranslation("ldap".equals(chosen) ? "sign-in.admin-group" : "sign-in.admin-value"));
        });
        kind.setValue("oidc");
        Button connect = new Button(getTranslation("sign-in.connect"), click -> {
            try {
                switch (kind.getValue()) {
                    case "saml" -> signIn.connectSaml(slug, new SamlProviderDraft(name.getValue(), metadataUrl.getValue(),
                            metadataXml.getValue(), usernameClaim.getValue(), roleClaim.getValue(), teacherValue.getValue(),
                            adminValue.getValue(), defaultRole.getValue()));
                    case "ldap" -> signIn.connectLdap(slug, new LdapDirectoryDraft(name.getValue(), directoryUrl.getValue(),
                            activeDirectory.getValue(), startTls.getValue(), bindDn.getValue(), bindPassword.getValue(),
                            usersDn.getValue(), usernameClaim.getValue(), userFilter.getValue(), groupsDn.getValue(),
                            teacherValue.getValue(), adminValue.getValue(), defaultRole.getValue()));
                    default -> signIn.connectOidc(slug, new OidcProviderDraft(name.getValue(), issuer.getValue(),
                            clientId.getValue(), secret.getValue(), usernameClaim.getValue(), roleClaim.getValue(),
                            teacherValue.getValue(), adminValue.getValue(), defaultRole.getValue()));
                }
                secret.clear();
                bindPassword.clear();
                ErrorMessages.notify(getTranslation("sign-in.connected"), "sign-in-connected", NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        connect.setId("sign-in-connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(kind, name, issuer, clientId, secret, metadataUrl, metadataXml, directoryUrl,
                activeDirectory, startTls, bindDn, bindPassword, usersDn, usernameClaim, userFilter, roleClaim, groupsDn,
                teacherValue, adminValue, defaultRole);
        add(form, connect);
        if (!now.directoriesEnabled()) {
            Paragraph off = new Paragraph(getTranslation("sign-in.directories-off"));
            off.setId("sign-in-directories-off");
            add(off);
        }

        domains.setLabel(getTranslation("sign-in.email-domains"));
        domains.setId("sign-in-email-domains");
        domains.setHelperText(getTranslation(operator ? "sign-in.email-domains-help" : "sign-in.email-domains-operator"));
        domains.setReadOnly(!operator);
        domains.setWidthFull();
        add(domains);
        if (operator) {
            Button save = new Button(getTranslation("sign-in.save-domains"), click -> {
                try {
                    List<String> list = Arrays.stream(domains.getValue().split("[,\\s]+")).filter(d -> !d.isBlank()).toList();
                    show(signIn.changeEmailDomains(slug, list));
                    ErrorMessages.notify(getTranslation("sign-in.domains-saved"), "sign-in-domains-saved",
                            NotificationVariant.LUMO_SUCCESS);
                } catch (CampusLabException e) {
                    ErrorMessages.show(e);
                }
            });
            save.setId("sign-in-save-domains");
            add(save);
        }
        show(now);
    }

    private TextField field(String label, String id) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        return field;
    }

    private void refresh() {
        try {
            show(signIn.of(slug));
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void show(SchoolSignIn now) {
        current.removeAll();
        if (now.providers().isEmpty()) {
            current.add(new Paragraph(getTranslation("sign-in.none")));
        }
        for (ProviderSummary provider : now.providers()) {
            String roles = provider.roleClaim() == null ? getTranslation("sign-in.roles-default", provider.defaultRole())
                    : getTranslation("sign-in.roles-from", provider.roleClaim(), nothing(provider.teacherValue()),
                    nothing(provider.adminValue()), provider.defaultRole());
            if (provider.usersDn() != null && provider.roleClaim() != null) {
                roles = getTranslation("sign-in.roles-from-groups", provider.groupsDn(), nothing(provider.teacherValue()),
                        nothing(provider.adminValue()), provider.defaultRole());
            }
            Span text = new Span(provider.usersDn() != null
                    ? getTranslation("sign-in.provider-ldap", provider.displayName(), provider.location(), provider.usersDn(),
                            provider.bindDn(), roles)
                    : provider.clientId() == null
                    ? getTranslation("sign-in.provider-saml", provider.displayName(), provider.location(), roles)
                    : getTranslation("sign-in.provider", provider.displayName(), provider.location(), provider.clientId(), roles));
            text.setId("sign-in-provider-" + provider.kind().toLowerCase(java.util.Locale.ROOT));
            Button remove = new Button(getTranslation("sign-in.remove"), click -> {
                try {
                    signIn.disconnect(slug, provider.kind().toLowerCase(java.util.Locale.ROOT));
                    ErrorMessages.notify(getTranslation("sign-in.removed"), "sign-in-removed", NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (CampusLabException e) {
                    ErrorMessages.show(e);
                }
            });
            remove.setId("sign-in-remove-" + provider.kind().toLowerCase(java.util.Locale.ROOT));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            current.add(new Div(text, remove));
        }
        domains.setValue(String.join(", ", now.emailDomains()));
    }

    private String nothing(String value) {
        return value == null ? "—" : value;
    }
}

package io.campuslab.web.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.MemberImport;
import io.campuslab.core.identity.NewMember;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.layout.ErrorMessages;
import java.util.List;

/**
 * Adding one member by hand: user name, name, e-mail, class and role. On success the dialog turns
 * into the hand-over of the one-time password.
 */
public class MemberForm extends Dialog {

    private final TextField username = new TextField();
    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final TextField className = new TextField();
    private final Select<Role> role = new Select<>();
    private final Paragraph error = new Paragraph();
    private final Button save = new Button();
    private final Button cancel = new Button();

    public MemberForm(MemberImport imports, List<Role> roles, Runnable onAdded) {
        setHeaderTitle(getTranslation("members.add"));
        setWidth("36rem");
        username.setId("member-form-username");
        username.setLabel(getTranslation("members.username"));
        username.setHelperText(getTranslation("members.username-help"));
        name.setId("member-form-name");
        name.setLabel(getTranslation("members.name"));
        email.setId("member-form-email");
        email.setLabel(getTranslation("members.email"));
        className.setId("member-form-class");
        className.setLabel(getTranslation("members.class"));
        role.setId("member-form-role");
        role.setLabel(getTranslation("members.role"));
        role.setItems(roles);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.realmName()));
        role.setValue(Role.STUDENT);
        error.setId("member-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new FormLayout(username, name, email, className, role), error);
        save.setText(getTranslation("action.save"));
        save.setId("member-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> add(imports, onAdded));
        cancel.setText(getTranslation("action.cancel"));
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, save);
    }

    private void add(MemberImport imports, Runnable onAdded) {
        try {
            ImportedPerson added = imports.addOne(new NewMember(username.getValue(), name.getValue(), email.getValue(),
                    className.getValue(), role.getValue()));
            removeAll();
            add(new PasswordHandover("member-form-result", getTranslation("members.added", added.name()), List.of(added)));
            save.setVisible(false);
            cancel.setText(getTranslation("action.close"));
            onAdded.run();
        } catch (CampusLabException e) {
            error.setText(ErrorMessages.text(e, getLocale()));
        }
    }
}

package io.campuslab.web.platform;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.PlatformSettingsService;
import io.campuslab.core.platform.SettingEntry;
import io.campuslab.core.platform.SettingsRejectedException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.core.platform.SettingsRejectedException.Problem;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform settings, grouped as the operator guide groups them. Every field shows its default
 * and what it means; saving sends only what changed, and a refused change marks each field at fault.
 */
@Route(value = "settings", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class SettingsView extends VerticalLayout implements HasDynamicTitle {

    private final PlatformSettingsService service;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, String> shown = new LinkedHashMap<>();

    @Inject
    public SettingsView(PlatformSettingsService service) {
        this.service = service;
        add(new H3(getTranslation("settings.title")), new Paragraph(getTranslation("settings.help")));
        List<SettingEntry> entries = service.entries();
        String group = "";
        FormLayout form = null;
        for (SettingEntry entry : entries) {
            String entryGroup = entry.key().substring(0, entry.key().indexOf('.'));
            if (!entryGroup.equals(group)) {
                group = entryGroup;
                form = new FormLayout();
                add(new H4(getTranslation("settings.group." + group)), form);
            }
            form.add(field(entry));
        }
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
        show(entries);
    }

    private TextField field(SettingEntry entry) {
        TextField field = new TextField(getTranslation(entry.setting().labelKey()));
        field.setId("setting-" + entry.key().replace('.', '-'));
        field.setHelperText(getTranslation(entry.setting().labelKey() + ".help") + " "
                + getTranslation("settings.default", entry.defaultValue().isEmpty() ? "—" : entry.defaultValue()));
        field.setClearButtonVisible(true);
        fields.put(entry.key(), field);
        return field;
    }

    private void show(List<SettingEntry> entries) {
        for (SettingEntry entry : entries) {
            TextField field = fields.get(entry.key());
            field.setValue(entry.value());
            field.setInvalid(false);
            shown.put(entry.key(), entry.value());
        }
    }

    private void save() {
        Map<String, String> changes = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            field.setInvalid(false);
            if (!field.getValue().strip().equals(shown.get(key))) {
                changes.put(key, field.getValue());
            }
        });
        if (changes.isEmpty()) {
            ErrorMessages.notify(getTranslation("settings.unchanged"), "settings-notification", NotificationVariant.LUMO_CONTRAST);
            return;
        }
        try {
            show(service.change(changes));
            ErrorMessages.notify(getTranslation("settings.saved", changes.size()), "settings-notification",
                    NotificationVariant.LUMO_SUCCESS);
        } catch (SettingsRejectedException rejected) {
            for (Problem problem : rejected.problems()) {
                TextField field = fields.get(problem.key());
                if (field != null) {
                    field.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments().toArray()));
                    field.setInvalid(true);
                }
            }
            ErrorMessages.notify(getTranslation("settings.rejected"), "settings-error", NotificationVariant.LUMO_ERROR);
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title");
    }
}

package io.campuslab.web.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.security.SignedInMember;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lab catalog. Everyone sees the labs their school offers; the school admin sees every template
 * the school could offer and switches the global ones on and off.
 */
@Route(value = "catalog", layout = MainLayout.class)
@PermitAll
public class CatalogView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final boolean schoolAdmin;
    private final FlexLayout cards = new FlexLayout();
    private final String gpuKey;

    @Inject
    public CatalogView(CatalogService catalog, SignedInMember member,
                       @ConfigProperty(name = "campuslab.gpu.resource-keys", defaultValue = "nvidia.com/gpu") List<String> gpuKeys) {
        this.catalog = catalog;
        this.gpuKey = gpuKeys.get(0);
        this.schoolAdmin = member.current().hasRole(Role.TENANT_ADMIN);
        cards.setId("catalog-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("catalog.title")));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (schoolAdmin) {
            Button add = new Button(getTranslation("catalog.add"), VaadinIcon.PLUS.create(), click -> openNewTemplate());
            add.setId("add-template");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        add(header, new Paragraph(getTranslation(schoolAdmin ? "catalog.admin-help" : "catalog.help")), cards);
        refresh();
    }

    private void refresh() {
        cards.removeAll();
        try {
            List<CatalogItem> items = schoolAdmin ? catalog.schoolCatalog() : catalog.offered();
            items.forEach(item -> cards.add(schoolAdmin ? withSwitch(item) : new TemplateCard(item)));
        } catch (CampusLabException e) {
            cards.add(new Paragraph(ErrorMessages.text(e, getLocale())));
        }
    }

    private void openNewTemplate() {
        TemplateForm form = new TemplateForm(gpuKey);
        form.addSaveListener(save -> {
            try {
                catalog.addOwn(save.definition());
                form.close();
                refresh();
            } catch (CampusLabException e) {
                form.showError(ErrorMessages.text(e, getLocale()));
            }
        });
        form.open();
    }

    private Component withSwitch(CatalogItem item) {
        TemplateCard card = new TemplateCard(item);
        if (!item.global()) {
            card.addToFooter(new Paragraph(getTranslation("catalog.own")));
            return card;
        }
        Checkbox offered = new Checkbox(getTranslation("catalog.offered"), item.offered());
        offered.setId("offer-" + item.name());
        offered.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                catalog.setOffered(item.name(), change.getValue());
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
                offered.setValue(change.getOldValue());
            }
        });
        card.addToFooter(offered);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title");
    }
}

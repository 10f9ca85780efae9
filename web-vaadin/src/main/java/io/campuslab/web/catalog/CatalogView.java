package io.campuslab.web.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.layout.EditDeleteBar;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.security.SignedInMember;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The lab catalog. Everyone sees the labs their school offers. The school admin sees every template
 * the school could offer, switches the global ones on and off, and keeps the school's own; the
 * platform admin keeps the global templates and says which schools offer by default.
 */
@Route(value = "catalog", layout = MainLayout.class)
@PermitAll
public class CatalogView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final boolean schoolAdmin;
    private final boolean platformAdmin;
    private final FlexLayout cards = new FlexLayout();

    @Inject
    public CatalogView(CatalogService catalog, SignedInMember member) {
        this.catalog = catalog;
        this.schoolAdmin = member.current().hasRole(Role.TENANT_ADMIN);
        this.platformAdmin = member.current().hasRole(Role.PLATFORM_ADMIN);
        cards.setId("catalog-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("catalog.title")));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (schoolAdmin || platformAdmin) {
            Button add = new Button(getTranslation(platformAdmin ? "catalog.add-global" : "catalog.add"), VaadinIcon.PLUS.create(),
                    click -> openForm(Optional.empty()));
            add.setId("add-template");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        String help = platformAdmin ? "catalog.platform-help" : schoolAdmin ? "catalog.admin-help" : "catalog.help";
        add(header, new Paragraph(getTranslation(help)), cards);
        refresh();
    }

    private void refresh() {
        cards.removeAll();
        try {
            List<CatalogItem> items = schoolAdmin ? catalog.schoolCatalog() : catalog.offered();
            items.forEach(item -> cards.add(schoolAdmin || platformAdmin ? withControls(item) : card(item)));
        } catch (CampusLabException e) {
            cards.add(new Paragraph(ErrorMessages.text(e, getLocale())));
        }
    }

    private TemplateCard card(CatalogItem item) {
        return new TemplateCard(item, () -> catalog.icon(item.name()));
    }

    private Component withControls(CatalogItem item) {
        TemplateCard card = card(item);
        boolean changeable = platformAdmin == item.global();
        if (item.global()) {
            card.addToFooter(offeredSwitch(item));
        } else {
            card.addToFooter(new Paragraph(getTranslation("catalog.own")));
        }
        if (changeable) {
            card.addToFooter(new EditDeleteBar("template", item.name(), item.displayName(), () -> edit(item.name()),
                    item.global() ? "catalog.delete-global-text" : "catalog.delete-text",
                    () -> catalog.delete(item.name()), this::refresh));
        }
        return card;
    }

    private Checkbox offeredSwitch(CatalogItem item) {
        Checkbox offered = new Checkbox(getTranslation(platformAdmin ? "catalog.offered-by-default" : "catalog.offered"),
                item.offered());
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
        return offered;
    }

    private void edit(String name) {
        try {
            openForm(Optional.of(catalog.definition(name)));
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void openForm(Optional<TemplateDefinition> existing) {
        TemplateForm form = new TemplateForm(catalog.gpuResourceKeys(), existing);
        form.addSaveListener(save -> {
            try {
                if (existing.isPresent()) {
                    catalog.update(save.definition());
                } else {
                    catalog.add(save.definition());
                }
                if (save.icon().isPresent()) {
                    catalog.setIcon(save.definition().name(), save.icon().get());
                }
                form.close();
                refresh();
            } catch (CampusLabException e) {
                form.showError(ErrorMessages.text(e, getLocale()));
            }
        });
        form.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title");
    }
}

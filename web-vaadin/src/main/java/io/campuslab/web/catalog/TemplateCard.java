package io.campuslab.web.catalog;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.campuslab.core.catalog.CatalogItem;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One template as a card: icon, name, description, what runs inside, and CPU/GPU availability. */
public class TemplateCard extends Card {

    public TemplateCard(CatalogItem item) {
        setId("template-" + item.name());
        setTitle(item.displayName());
        setHeaderPrefix(icon(item.icon()));
        setSubtitle(new Span(item.hasGpuImage() ? getTranslation("catalog.cpu-and-gpu") : getTranslation("catalog.cpu-only")));
        add(new Span(item.description()));
        if (!item.developmentInfo().isEmpty()) {
            UnorderedList info = new UnorderedList(item.developmentInfo().stream().map(ListItem::new).toArray(ListItem[]::new));
            info.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
            add(info);
        }
        String ports = item.ports().stream().map(p -> p.name() + " " + p.port()).collect(Collectors.joining(", "));
        Span portsLine = new Span(getTranslation("catalog.ports", ports));
        portsLine.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        add(portsLine);
        setWidth("20rem");
    }

    private static Icon icon(String name) {
        boolean known = Arrays.stream(VaadinIcon.values()).anyMatch(icon -> icon.name().equals(name));
        return (known ? VaadinIcon.valueOf(name) : VaadinIcon.CUBE).create();
    }
}

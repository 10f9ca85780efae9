package io.campuslab.web.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.platform.CampusLabException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** One template as a card: picture, name, description, what runs inside, and CPU/GPU availability. */
public class TemplateCard extends Card {

    /** Reads the template's uploaded picture when the browser asks for it. */
    @FunctionalInterface
    public interface IconSource extends Serializable {
        Optional<CatalogService.Icon> read() throws CampusLabException;
    }

    public TemplateCard(CatalogItem item, IconSource icons) {
        setId("template-" + item.name());
        setTitle(item.displayName());
        setHeaderPrefix(item.customIcon() ? picture(item, icons) : icon(item.icon()));
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

    private static Component picture(CatalogItem item, IconSource icons) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            try {
                CatalogService.Icon icon = icons.read().orElseThrow(() -> new IOException("No picture for " + item.name()));
                return new DownloadResponse(new ByteArrayInputStream(icon.image()), item.name(), icon.contentType(),
                        icon.image().length);
            } catch (CampusLabException e) {
                throw new IOException(e);
            }
        });
        Image image = new Image(handler, item.displayName());
        image.setId("template-icon-" + item.name());
        image.setWidth("var(--lumo-icon-size-l)");
        image.setHeight("var(--lumo-icon-size-l)");
        image.getStyle().set("object-fit", "contain");
        return image;
    }

    private static Component icon(String name) {
        boolean known = Arrays.stream(VaadinIcon.values()).anyMatch(icon -> icon.name().equals(name));
        return (known ? VaadinIcon.valueOf(name) : VaadinIcon.CUBE).create();
    }
}

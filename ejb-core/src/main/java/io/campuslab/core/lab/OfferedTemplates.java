package io.campuslab.core.lab;

import io.campuslab.core.platform.NotFoundException;
import io.campuslab.domain.catalog.CatalogRepository;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.TemplateAvailability;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;

/** The templates a school offers its members: its own, and the platform's it has not switched off. */
public final class OfferedTemplates {

    private OfferedTemplates() {
    }

    /** A template of the school's catalog that the school offers; any other is not found. */
    public static LabTemplate find(EntityManager em, Tenant school, String name) throws NotFoundException {
        CatalogRepository catalog = new CatalogRepository(em);
        LabTemplate template = catalog.findVisible(name == null ? "" : name, school)
                .orElseThrow(() -> new NotFoundException("template", name));
        TemplateAvailability word = catalog.availability(school).get(template.id());
        boolean offered = !template.isGlobal() || (word == null ? template.enabledByDefault() : word.enabled());
        if (!offered) {
            throw new NotFoundException("template", name);
        }
        return template;
    }
}

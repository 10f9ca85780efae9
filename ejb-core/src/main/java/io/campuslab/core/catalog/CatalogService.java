package io.campuslab.core.catalog;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.catalog.CatalogRepository;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.TemplateAvailability;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.catalog.TemplateIcon;
import io.campuslab.domain.catalog.TemplateProblem;
import io.campuslab.domain.catalog.TemplateRules;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A school's catalog: the global templates it offers (each global template is offered by default
 * until the school's admin switches it off) and the school's own templates.
 */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    private CatalogRepository catalog;

    @PostConstruct
    void init() {
        catalog = new CatalogRepository(em);
    }

    /**
     * What the caller may start: the school's offered templates. The platform admin sees every global
     * template, offered meaning offered by default.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<CatalogItem> offered() throws NotPermittedException {
        Member caller = currentMember.require();
        Optional<Tenant> school = caller.tenant();
        if (school.isEmpty()) {
            Set<Long> icons = catalog.templatesWithIcons();
            return catalog.globalTemplates().stream()
                    .map(t -> CatalogItem.of(t, t.enabledByDefault(), icons.contains(t.id()))).toList();
        }
        return everything(school.get()).stream().filter(CatalogItem::offered).toList();
    }

    /** Every template the school could offer, with whether it does: for the school admin. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<CatalogItem> schoolCatalog() throws NotPermittedException {
        return everything(callersSchool());
    }

    /**
     * Offers a global template in the caller's school, or stops offering it. For the platform admin:
     * whether schools that have not said otherwise offer it.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public CatalogItem setOffered(String name, boolean offered) throws NotPermittedException, NotFoundException,
            InvalidInputException {
        Optional<Tenant> caller = currentMember.require().tenant();
        if (caller.isEmpty()) {
            LabTemplate template = catalog.findGlobal(name).orElseThrow(() -> new NotFoundException("template", name));
            template.offerByDefault(offered);
            audit.record(null, offered ? "template.offered-by-default" : "template.withdrawn-by-default", name, null);
            return CatalogItem.of(template, offered);
        }
        Tenant school = caller.get();
        LabTemplate template = catalog.findVisible(name, school).orElseThrow(() -> new NotFoundException("template", name));
        if (!template.isGlobal()) {
            throw new InvalidInputException("error.template.own-always-offered", name);
        }
        Map<Long, TemplateAvailability> said = catalog.availability(school);
        TemplateAvailability availability = said.get(template.id());
        if (availability == null) {
            catalog.add(new TemplateAvailability(school, template, offered));
        } else {
            availability.set(offered);
        }
        audit.record(school.slug().value(), offered ? "template.offered" : "template.withdrawn", name, null);
        return CatalogItem.of(template, offered);
    }

    /**
     * Adds a template: a school admin adds one of the school's own, the platform admin a global one
     * (offered in every school until its admin switches it off). Every rule of
     * {@link TemplateDefinition#problems} must hold.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public CatalogItem add(TemplateDefinition definition) throws NotPermittedException, InvalidInputException,
            ConflictException {
        Optional<Tenant> school = currentMember.require().tenant();
        check(definition, school.isPresent());
        boolean taken = school.isPresent()
                ? catalog.findVisible(definition.name(), school.get()).isPresent()
                : catalog.anyNamed(definition.name());
        if (taken) {
            throw new ConflictException("error.template.exists", definition.name());
        }
        LabTemplate template = LabTemplate.of(definition, school, clock.instant());
        catalog.add(template);
        em.flush();
        audit.record(school.map(t -> t.slug().value()).orElse(null), "template.added", template.name(), template.cpuImage());
        return CatalogItem.of(template, true);
    }

    /** The definition of a template the caller may change, to edit it. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public TemplateDefinition definition(String name) throws NotPermittedException, NotFoundException {
        return changeable(name).definition();
    }

    /** Changes a template the caller may change: a school admin the school's own, the platform admin a global one. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public CatalogItem update(TemplateDefinition definition) throws NotPermittedException, NotFoundException,
            InvalidInputException {
        LabTemplate template = changeable(definition.name());
        check(definition, !template.isGlobal());
        template.update(definition);
        em.flush();
        audit.record(ownerSlug(template), "template.changed", template.name(), template.cpuImage());
        return CatalogItem.of(template, true);
    }

    /**
     * Deletes a template the caller may change, with each school's word on it and its icon; refused
     * while labs made from it are active. Ended labs keep the template's name.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void delete(String name) throws NotPermittedException, NotFoundException, ConflictException {
        LabTemplate template = changeable(name);
        long active = em.createQuery("select count(l) from Lab l where l.template = :template and l.state in :active", Long.class)
                .setParameter("template", template)
                .setParameter("active", LabState.active())
                .getSingleResult();
        if (active > 0) {
            throw new ConflictException("error.template.in-use", name, active);
        }
        catalog.remove(template);
        audit.record(ownerSlug(template), "template.deleted", name, null);
    }

    /** Replaces the picture on a template's card; PNG, JPEG, GIF or WebP up to 256 KiB. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void setIcon(String name, byte[] image) throws NotPermittedException, NotFoundException, InvalidInputException {
        LabTemplate template = changeable(name);
        if (image.length == 0 || image.length > TemplateIcon.MAX_BYTES) {
            throw new InvalidInputException("error.template.icon-size", TemplateIcon.MAX_BYTES / 1024);
        }
        String type = TemplateIcon.contentTypeOf(image)
                .orElseThrow(() -> new InvalidInputException("error.template.icon-type"));
        catalog.icon(template).ifPresentOrElse(icon -> icon.replace(type, image, clock.instant()),
                () -> catalog.add(new TemplateIcon(template, type, image, clock.instant())));
        audit.record(ownerSlug(template), "template.icon-changed", name, type);
    }

    /** The uploaded picture of a template the caller can see, if it has one. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public Optional<Icon> icon(String name) throws NotPermittedException {
        Optional<Tenant> school = currentMember.require().tenant();
        Optional<LabTemplate> template = school.isPresent()
                ? catalog.findVisible(name, school.get()) : catalog.findGlobal(name);
        return template.flatMap(catalog::icon).map(i -> new Icon(i.contentType(), i.image(), i.updatedAt()));
    }

    /** The GPU types templates may carry images for, as the platform settings say. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public List<String> gpuResourceKeys() {
        return settings.current().gpuResourceKeys();
    }

    /** A template's picture. */
    public record Icon(String contentType, byte[] image, java.time.Instant updatedAt) implements java.io.Serializable {

        /** The largest picture a template may have, in bytes. */
        public static final int MAX_BYTES = TemplateIcon.MAX_BYTES;
    }

    /** Every rule of the definition; a school's own template mounts courses and datasets by name only. */
    private void check(TemplateDefinition definition, boolean schoolsOwn) throws InvalidInputException {
        TemplateRules rules = settings.current().templateRules();
        List<TemplateProblem> problems = definition.problems(schoolsOwn ? rules.forSchool() : rules);
        if (!problems.isEmpty()) {
            TemplateProblem first = problems.get(0);
            throw new InvalidInputException(first.messageKey(), first.arguments().toArray());
        }
    }

    /** A school admin may change the school's own templates, the platform admin the global ones. */
    private LabTemplate changeable(String name) throws NotPermittedException, NotFoundException {
        Optional<Tenant> school = currentMember.require().tenant();
        Optional<LabTemplate> template = school.isPresent()
                ? catalog.findVisible(name, school.get()) : catalog.findGlobal(name);
        LabTemplate found = template.orElseThrow(() -> new NotFoundException("template", name));
        if (school.isPresent() != !found.isGlobal()) {
            throw new NotPermittedException();
        }
        return found;
    }

    private static String ownerSlug(LabTemplate template) {
        return template.owner().map(t -> t.slug().value()).orElse(null);
    }

    private List<CatalogItem> everything(Tenant school) {
        Map<Long, TemplateAvailability> said = catalog.availability(school);
        Set<Long> icons = catalog.templatesWithIcons();
        List<CatalogItem> items = new ArrayList<>();
        for (LabTemplate template : catalog.globalTemplates()) {
            TemplateAvailability word = said.get(template.id());
            items.add(CatalogItem.of(template, word == null ? template.enabledByDefault() : word.enabled(),
                    icons.contains(template.id())));
        }
        catalog.ownTemplates(school).forEach(t -> items.add(CatalogItem.of(t, true, icons.contains(t.id()))));
        return List.copyOf(items);
    }

    private Tenant callersSchool() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }
}

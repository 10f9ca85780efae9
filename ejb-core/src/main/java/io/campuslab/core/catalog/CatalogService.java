package io.campuslab.core.catalog;

import io.campuslab.core.audit.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.catalog.CatalogRepository;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.TemplateAvailability;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.catalog.TemplateProblem;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
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
    CoreSettings settings;

    @Inject
    Clock clock;

    private CatalogRepository catalog;

    @PostConstruct
    void init() {
        catalog = new CatalogRepository(em);
    }

    /** What the caller may start: the school's offered templates; the platform admin sees the global ones. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<CatalogItem> offered() throws NotPermittedException {
        Member caller = currentMember.require();
        Optional<Tenant> school = caller.tenant();
        if (school.isEmpty()) {
            return catalog.globalTemplates().stream().map(t -> CatalogItem.of(t, true)).toList();
        }
        return everything(school.get()).stream().filter(CatalogItem::offered).toList();
    }

    /** Every template the school could offer, with whether it does: for the school admin. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<CatalogItem> schoolCatalog() throws NotPermittedException {
        return everything(callersSchool());
    }

    /** Offers a global template in the caller's school, or stops offering it. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CatalogItem setOffered(String name, boolean offered) throws NotPermittedException, NotFoundException,
            InvalidInputException {
        Tenant school = callersSchool();
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

    /** Adds a template of the school's own; every rule of {@link TemplateDefinition#problems} must hold. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CatalogItem addOwn(TemplateDefinition definition) throws NotPermittedException, InvalidInputException,
            ConflictException {
        Tenant school = callersSchool();
        List<TemplateProblem> problems = definition.problems(settings.maxPortsPerTemplate(), settings.gpuResourceKeys());
        if (!problems.isEmpty()) {
            TemplateProblem first = problems.get(0);
            throw new InvalidInputException(first.messageKey(), first.arguments().toArray());
        }
        if (catalog.findVisible(definition.name(), school).isPresent()) {
            throw new ConflictException("error.template.exists", definition.name());
        }
        LabTemplate template = LabTemplate.of(definition, Optional.of(school), clock.instant());
        catalog.add(template);
        em.flush();
        audit.record(school.slug().value(), "template.added", template.name(), template.cpuImage());
        return CatalogItem.of(template, true);
    }

    private List<CatalogItem> everything(Tenant school) {
        Map<Long, TemplateAvailability> said = catalog.availability(school);
        List<CatalogItem> items = new ArrayList<>();
        for (LabTemplate template : catalog.globalTemplates()) {
            TemplateAvailability word = said.get(template.id());
            items.add(CatalogItem.of(template, word == null ? template.enabledByDefault() : word.enabled()));
        }
        catalog.ownTemplates(school).forEach(t -> items.add(CatalogItem.of(t, true)));
        return List.copyOf(items);
    }

    private Tenant callersSchool() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }
}

package io.campuslab.domain.catalog;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Templates and their availability; every query for a school's templates is scoped to that school. */
public class CatalogRepository {

    private final EntityManager em;

    public CatalogRepository(EntityManager em) {
        this.em = em;
    }

    public List<LabTemplate> globalTemplates() {
        return em.createQuery("select t from LabTemplate t where t.owner is null order by t.displayName", LabTemplate.class)
                .getResultList();
    }

    public List<LabTemplate> ownTemplates(Tenant school) {
        return em.createQuery("select t from LabTemplate t where t.owner = :school order by t.displayName", LabTemplate.class)
                .setParameter("school", school)
                .getResultList();
    }

    /** A global template, or one of the school's own; never another school's. */
    public Optional<LabTemplate> findVisible(String name, Tenant school) {
        return em.createQuery("select t from LabTemplate t where t.name = :name and (t.owner is null or t.owner = :school)",
                        LabTemplate.class)
                .setParameter("name", name)
                .setParameter("school", school)
                .getResultStream()
                .findFirst();
    }

    public Optional<LabTemplate> findGlobal(String name) {
        return em.createQuery("select t from LabTemplate t where t.name = :name and t.owner is null", LabTemplate.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** Whether any template, global or of any school, has this name: a new global one must not shadow it. */
    public boolean anyNamed(String name) {
        return em.createQuery("select count(t) from LabTemplate t where t.name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult() > 0;
    }

    public Optional<TemplateIcon> icon(LabTemplate template) {
        return Optional.ofNullable(em.find(TemplateIcon.class, template.id()));
    }

    /** The ids of the templates that have an uploaded picture. */
    public Set<Long> templatesWithIcons() {
        return Set.copyOf(em.createQuery("select i.templateId from TemplateIcon i", Long.class).getResultList());
    }

    public void add(TemplateIcon icon) {
        em.persist(icon);
    }

    /** Removes a template with its icon and every school's word on it. */
    public void remove(LabTemplate template) {
        icon(template).ifPresent(em::remove);
        em.createQuery("delete from TemplateAvailability a where a.template = :template")
                .setParameter("template", template)
                .executeUpdate();
        em.remove(template);
    }

    /** The school's word on each global template it has spoken about, by template id. */
    public Map<Long, TemplateAvailability> availability(Tenant school) {
        Map<Long, TemplateAvailability> byTemplate = new HashMap<>();
        em.createQuery("select a from TemplateAvailability a join fetch a.template where a.tenant = :school",
                        TemplateAvailability.class)
                .setParameter("school", school)
                .getResultList()
                .forEach(a -> byTemplate.put(a.template().id(), a));
        return byTemplate;
    }

    public void add(LabTemplate template) {
        em.persist(template);
    }

    public void add(TemplateAvailability availability) {
        em.persist(availability);
    }
}

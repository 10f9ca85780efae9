package io.campuslab.domain.course;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** A school's courses; every query is scoped to one school. */
public class CourseRepository {

    private final EntityManager em;

    public CourseRepository(EntityManager em) {
        this.em = em;
    }

    public List<Course> of(Tenant school) {
        return em.createQuery("select c from Course c where c.school = :school order by c.title", Course.class)
                .setParameter("school", school)
                .getResultList();
    }

    public Optional<Course> find(Tenant school, String name) {
        return em.createQuery("select c from Course c where c.school = :school and c.name = :name", Course.class)
                .setParameter("school", school)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public void add(Course course) {
        em.persist(course);
    }

    public void remove(Course course) {
        em.remove(course);
    }
}

package io.campuslab.domain.classroom;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The classrooms of a school; every query is scoped to it. */
public class ClassroomRepository {

    private final EntityManager em;

    public ClassroomRepository(EntityManager em) {
        this.em = em;
    }

    public void add(Classroom classroom) {
        em.persist(classroom);
    }

    public void remove(Classroom classroom) {
        em.remove(classroom);
    }

    public Optional<Classroom> find(long id, Tenant school) {
        return em.createQuery("select c from Classroom c where c.id = :id and c.tenant = :school", Classroom.class)
                .setParameter("id", id).setParameter("school", school).getResultStream().findFirst();
    }

    public boolean nameTaken(Tenant school, String name) {
        return em.createQuery("select count(c) from Classroom c where c.tenant = :school and c.name = :name", Long.class)
                .setParameter("school", school).setParameter("name", name).getSingleResult() > 0;
    }

    public List<Classroom> of(Tenant school) {
        return em.createQuery("select c from Classroom c left join fetch c.teacher where c.tenant = :school"
                        + " order by case when c.archivedAt is null then 0 else 1 end, c.name",
                Classroom.class).setParameter("school", school).getResultList();
    }

    /** The school's classrooms in use (not archived). */
    public List<Classroom> inUse(Tenant school) {
        return em.createQuery("select c from Classroom c where c.tenant = :school and c.archivedAt is null order by c.name",
                Classroom.class).setParameter("school", school).getResultList();
    }

    public List<Classroom> taughtBy(Member teacher) {
        return em.createQuery("select c from Classroom c join fetch c.teacher where c.teacher = :teacher"
                        + " order by case when c.archivedAt is null then 0 else 1 end, c.name",
                Classroom.class).setParameter("teacher", teacher).getResultList();
    }

    /** The classrooms whose roster holds the member. */
    public List<Classroom> withStudent(Member student) {
        return em.createQuery("select c from Classroom c join c.students s where s = :student order by c.name",
                Classroom.class).setParameter("student", student).getResultList();
    }

    /** Whether the student is on the roster of one of the teacher's classrooms. */
    public boolean teaches(Member teacher, Member student) {
        return em.createQuery("select count(c) from Classroom c join c.students s where c.teacher = :teacher and s = :student",
                Long.class).setParameter("teacher", teacher).setParameter("student", student).getSingleResult() > 0;
    }
}

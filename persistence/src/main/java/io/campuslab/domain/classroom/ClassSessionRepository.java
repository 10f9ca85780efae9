package io.campuslab.domain.classroom;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Class sessions by classroom, by window and by student; a school's queries stay in the school. */
public class ClassSessionRepository {

    private final EntityManager em;

    public ClassSessionRepository(EntityManager em) {
        this.em = em;
    }

    public void add(ClassSession session) {
        em.persist(session);
    }

    /** Removes the session; its labs keep their history, no longer tied to it. */
    public void remove(ClassSession session) {
        em.remove(session);
    }

    /** The sessions the labs belong to, by id; a lab of no session adds nothing. */
    public java.util.Map<Long, ClassSession> ofLabs(java.util.Collection<io.campuslab.domain.lab.Lab> labs) {
        List<Long> ids = labs.stream().flatMap(lab -> lab.sessionId().stream()).distinct().toList();
        java.util.Map<Long, ClassSession> sessions = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select s from ClassSession s where s.id in :ids", ClassSession.class)
                    .setParameter("ids", ids).getResultList().forEach(session -> sessions.put(session.id(), session));
        }
        return sessions;
    }

    public Optional<ClassSession> find(long id, Tenant school) {
        return em.createQuery("select s from ClassSession s join fetch s.classroom where s.id = :id and s.tenant = :school",
                ClassSession.class).setParameter("id", id).setParameter("school", school).getResultStream().findFirst();
    }

    /** The classroom's sessions, in order of their start. */
    public List<ClassSession> of(Classroom classroom) {
        return em.createQuery("select s from ClassSession s where s.classroom = :classroom order by s.startsAt, s.id",
                ClassSession.class).setParameter("classroom", classroom).getResultList();
    }

    /**
     * Every school's sessions not cancelled whose reservation (preparation to end plus the grace
     * period) overlaps the window.
     */
    public List<ClassSession> reserving(Instant from, Instant to, Duration grace) {
        return em.createQuery("select s from ClassSession s join fetch s.classroom join fetch s.tenant "
                        + "where s.cancelledAt is null and s.prepareAt < :to and s.endsAt > :from", ClassSession.class)
                .setParameter("to", to).setParameter("from", from.minus(grace)).getResultList();
    }

    /** The sessions whose labs are to be prepared now. */
    public List<ClassSession> duePreparation(Instant now) {
        return em.createQuery("select s from ClassSession s where s.cancelledAt is null and s.preparedAt is null "
                + "and s.prepareAt <= :now and s.endsAt > :now", ClassSession.class).setParameter("now", now).getResultList();
    }

    /** The sessions of the member's classrooms whose window meets the given one, in order of their start. */
    public List<ClassSession> ofStudent(Member student, Instant from, Instant to) {
        return em.createQuery("select s from ClassSession s join s.classroom c join c.students m "
                        + "where m = :student and s.cancelledAt is null and s.startsAt < :to and s.endsAt > :from "
                        + "order by s.startsAt", ClassSession.class)
                .setParameter("student", student).setParameter("from", from).setParameter("to", to).getResultList();
    }
}

package io.campuslab.domain.lab;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Labs by owner, school and state; a school's queries never reach another school's labs. */
public class LabRepository {

    private static final Set<LabState> ACTIVE = LabState.active();

    private final EntityManager em;

    public LabRepository(EntityManager em) {
        this.em = em;
    }

    public void add(Lab lab) {
        em.persist(lab);
    }

    /** The member's active labs that they asked for themselves; a session's labs do not count. */
    public long activeCount(Member owner) {
        return em.createQuery("select count(l) from Lab l where l.owner = :owner and l.state in :active "
                        + "and l.origin = io.campuslab.domain.lab.LabOrigin.SELF_SERVICE", Long.class)
                .setParameter("owner", owner)
                .setParameter("active", ACTIVE)
                .getSingleResult();
    }

    /** The member's active labs and the last few that ended, newest first. */
    public List<Lab> of(Member owner, int max) {
        return em.createQuery("select l from Lab l where l.owner = :owner order by l.id desc", Lab.class)
                .setParameter("owner", owner)
                .setMaxResults(max)
                .getResultList();
    }

    /** The school's active labs, oldest first. */
    public List<Lab> activeOf(Tenant school) {
        return em.createQuery("select l from Lab l join fetch l.owner where l.tenant = :school and l.state in :active"
                        + " order by l.id", Lab.class)
                .setParameter("school", school)
                .setParameter("active", ACTIVE)
                .getResultList();
    }

    /** A lab of the school; never one of another school. */
    public Optional<Lab> find(long id, Tenant school) {
        return em.createQuery("select l from Lab l where l.id = :id and l.tenant = :school", Lab.class)
                .setParameter("id", id)
                .setParameter("school", school)
                .getResultStream()
                .findFirst();
    }

    /** Every lab in the given states, for the scheduler. */
    public List<Lab> inStates(Set<LabState> states) {
        return em.createQuery("select l from Lab l join fetch l.tenant join fetch l.owner where l.state in :states"
                        + " order by l.id", Lab.class)
                .setParameter("states", states)
                .getResultList();
    }

    /** The school's labs that ran at some time in [from, to): what its usage is counted from. */
    public List<Lab> ranBetween(Tenant school, java.time.Instant from, java.time.Instant to) {
        return em.createQuery("select l from Lab l where l.tenant = :school and l.runningAt is not null"
                        + " and l.runningAt < :to and (l.endedAt is null or l.endedAt > :from)", Lab.class)
                .setParameter("school", school)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** The labs a session prepared, every state, oldest first. */
    public List<Lab> ofSession(long sessionId) {
        return em.createQuery("select l from Lab l join fetch l.owner where l.sessionId = :session order by l.id", Lab.class)
                .setParameter("session", sessionId).getResultList();
    }

    /** The member's active lab of a session, if there is one. */
    public Optional<Lab> activeOfSession(long sessionId, Member owner) {
        return em.createQuery("select l from Lab l where l.sessionId = :session and l.owner = :owner and l.state in :active "
                        + "order by l.id desc", Lab.class)
                .setParameter("session", sessionId).setParameter("owner", owner).setParameter("active", ACTIVE)
                .getResultStream().findFirst();
    }
}

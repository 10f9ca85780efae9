package io.campuslab.core.gateway;

import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The gateway's reads and writes in the database: its secret, the running labs and who may enter them, their traffic. */
@Stateless
public class GatewayBook {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    SettingsSource settings;

    /** A running lab and who may enter it; its address on the cluster is added by the refresh. */
    public record Entry(long labId, String key, String tenant, String namespace, String name, String ownerSubject,
                        List<String> ports, Set<String> teachers, Set<String> admins) {
    }

    /** The platform's gateway secret, made on first use: every portal node signs and checks passes with it. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] secret() {
        List<?> found = em.createNativeQuery("SELECT secret FROM gateway_secrets WHERE id = 1").getResultList();
        if (!found.isEmpty()) {
            return (byte[]) found.get(0);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        // another node may have made it meanwhile: then its secret stays and is read next time
        em.createNativeQuery("INSERT IGNORE INTO gateway_secrets (id, secret, created_at) VALUES (1, ?, ?)")
                .setParameter(1, secret).setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        return (byte[]) em.createNativeQuery("SELECT secret FROM gateway_secrets WHERE id = 1").getSingleResult();
    }

    /**
     * Every running lab with who may enter it besides its owner: the teacher of its class session
     * until the session's labs stop, and the school's admins where the school lets them; none of them
     * while suspended or removed.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<Entry> runningLabs(Instant now) {
        PlatformSettings platform = settings.current();
        List<Lab> labs = em.createQuery("select l from Lab l join fetch l.tenant join fetch l.owner where l.state = :running",
                Lab.class).setParameter("running", LabState.RUNNING).getResultList();
        Map<Long, Set<String>> adminsOf = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Lab lab : labs) {
            Tenant school = lab.tenant();
            // a suspended or removed teacher or admin enters no lab (their own stop then)
            Set<String> teachers = lab.sessionId().map(id -> em.find(ClassSession.class, id))
                    .filter(session -> session.teacherMayEnter(lab, platform.sessionEndGrace(), now))
                    .flatMap(session -> session.classroom().teacher())
                    .filter(Member::isActive)
                    .map(teacher -> Set.of(teacher.subject()))
                    .orElse(Set.of());
            Set<String> admins = !school.adminsOpenLabs() ? Set.of() : adminsOf.computeIfAbsent(school.id(),
                    id -> new MemberRepository(em).withRole(school, Role.TENANT_ADMIN).stream()
                            .filter(Member::isActive)
                            .map(Member::subject).collect(Collectors.toSet()));
            entries.add(new Entry(lab.id(), lab.gatewayKey(), school.slug().value(), school.namespace(), lab.objectName(),
                    lab.owner().subject(), lab.portNames(), teachers, admins));
        }
        return entries;
    }

    /**
     * The traffic seen through this node as the labs' activity, a lab at a time: only later times
     * than the ones recorded, only for running labs. The version moves, so that the scheduler never
     * writes an older activity over it.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void recordTraffic(Map<Long, Instant> traffic) {
        for (Map.Entry<Long, Instant> seen : traffic.entrySet()) {
            em.createQuery("update Lab l set l.lastActivityAt = :at, l.version = l.version + 1 where l.id = :id"
                            + " and l.state = :running and (l.lastActivityAt is null or l.lastActivityAt < :at)")
                    .setParameter("at", seen.getValue()).setParameter("id", seen.getKey())
                    .setParameter("running", LabState.RUNNING).executeUpdate();
        }
    }
}

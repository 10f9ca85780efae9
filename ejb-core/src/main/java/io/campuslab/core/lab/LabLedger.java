package io.campuslab.core.lab;

import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.Reserved;
import io.campuslab.core.lab.admission.TenantLimits;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.audit.AuditEvent;
import io.campuslab.domain.audit.AuditRepository;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.dataset.Dataset;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.campuslab.domain.dataset.DatasetRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's reads and writes of labs, each a short transaction of its own: no transaction is
 * open while the scheduler talks to the cluster. A lab changed meanwhile by its owner (stopped) is
 * protected by its version: the scheduler's write fails and the next pass sees the new state. Every
 * write holds the pass's {@link Fence} in its transaction: a node that lost the lease writes nothing.
 */
@Stateless
@LocalBean
public class LabLedger implements LabBooks {

    private static final String ACTOR = "scheduler";

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    @Inject
    SchedulerLease lease;

    @jakarta.ejb.EJB
    SessionLedger sessions;

    /** Every lab that is not over, with its blueprint and, for a session's lab or one giving back room, its deadline. */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<LabRecord> activeLabs() {
        PlatformSettings platform = settings.current();
        List<Lab> labs = new LabRepository(em).inStates(LabState.active());
        Map<Long, ClassSession> sessions = sessionsOf(labs);
        ExtraFolders.DatasetFolders datasets = datasetFolders();
        return labs.stream()
                .map(lab -> record(lab, platform, lab.sessionId().map(sessions::get).orElse(null), datasets))
                .toList();
    }

    private Map<Long, ClassSession> sessionsOf(List<Lab> labs) {
        return new ClassSessionRepository(em).ofLabs(labs);
    }

    /** The sessions' seats held now ({@link SessionLedger#reservations()}). */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<Reserved> reservations() {
        return sessions.reservations();
    }

    /** Prepares the sessions whose time has come ({@link SessionLedger#prepareSessions(Fence)}). */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public int prepareSessions(Fence fence) throws LeaseLostException {
        return sessions.prepareSessions(fence);
    }

    /**
     * What each school may hold, from its quota, and what its namespace must say
     * ({@link SchoolPolicies}). A suspended school may hold nothing new. One read of the schools.
     */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolBooks schools() {
        PlatformSettings platform = settings.current();
        Map<String, TenantLimits> limits = new HashMap<>();
        Map<String, SchoolPolicy> policies = new HashMap<>();
        for (Tenant school : new TenantRepository(em).listAll()) {
            String slug = school.slug().value();
            limits.put(slug, SchoolLimits.holdable(school, LabService.LABS_PER_MEMBER_AT_ADMISSION));
            policies.put(slug, SchoolPolicies.of(school, platform));
        }
        return new SchoolBooks(limits, policies);
    }

    /** The cluster refused a lab's objects: the lab fails with the API's words, and its objects are removed next pass. */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void refused(Fence fence, long labId, String detail) throws LeaseLostException {
        lease.hold(fence);
        Lab lab = em.find(Lab.class, labId);
        if (lab != null && lab.state() == LabState.PROVISIONING) {
            lab.fail("lab.reason.cluster-refused", detail, clock.instant());
            audit(lab, "lab.failed", "lab.reason.cluster-refused");
        }
    }

    /** Records a pass's admission: the admitted labs start provisioning, the others say why they wait. */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void recordAdmission(Fence fence, Admission admission, Map<Long, java.time.Instant> startsBy) throws LeaseLostException {
        lease.hold(fence);
        Instant deadline = clock.instant().plus(settings.current().sessionReclaimGrace());
        for (Long id : admission.reclaimed()) {
            Lab lab = em.find(Lab.class, id);
            if (lab != null && lab.reclaim(deadline)) {
                audit(lab, "lab.reclaimed", deadline.toString());
            }
        }
        for (Admission.Admitted admitted : admission.admitted()) {
            Lab lab = em.find(Lab.class, admitted.labId());
            if (lab != null && lab.state() == LabState.QUEUED) {
                lab.admit(admitted.node(), clock.instant());
            }
        }
        admission.waiting().forEach((id, waiting) -> {
            Lab lab = em.find(Lab.class, id);
            if (lab != null && lab.state() == LabState.QUEUED) {
                lab.waits(waiting.reason().messageKey(), waiting.detail(), waiting.position(), startsBy.get(id));
            }
        });
    }

    /** Records what the cluster said of the labs in a plan. */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void recordObservations(Fence fence, LabPlan plan) throws LeaseLostException {
        lease.hold(fence);
        for (LabPlan.Running running : plan.running()) {
            Lab lab = em.find(Lab.class, running.labId());
            if (lab != null && lab.state() == LabState.PROVISIONING) {
                lab.running(running.node(), clock.instant());
            }
        }
        for (LabPlan.Failure failure : plan.failures()) {
            Lab lab = em.find(Lab.class, failure.labId());
            if (lab != null && lab.state().next().contains(LabState.FAILED)) {
                lab.fail(failure.reasonKey(), failure.detail(), clock.instant());
                audit(lab, "lab.failed", failure.reasonKey());
            }
        }
        for (LabPlan.Stop stop : plan.stops()) {
            Lab lab = em.find(Lab.class, stop.labId());
            if (lab != null && lab.stop(stop.reasonKey(), clock.instant())) {
                audit(lab, "lab.stopped", stop.reasonKey());
            }
        }
        for (LabPlan.Progress progress : plan.progress()) {
            Lab lab = em.find(Lab.class, progress.labId());
            if (lab != null) {
                lab.progresses(progress.reasonKey());
            }
        }
        for (Long id : plan.gone()) {
            Lab lab = em.find(Lab.class, id);
            if (lab != null && lab.state() == LabState.STOPPING) {
                lab.gone(clock.instant());
            }
        }
    }

    /** Which of these labs are still to be provisioned: one query, their blueprints the pass has already. */
    @Override
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public java.util.Set<Long> stillProvisioning(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("select l.id from Lab l where l.id in :ids and l.state = :provisioning", Long.class)
                .setParameter("ids", ids).setParameter("provisioning", LabState.PROVISIONING).getResultList());
    }

    private void audit(Lab lab, String action, String detail) {
        new AuditRepository(em).add(new AuditEvent(clock.instant(), ACTOR, lab.tenant().slug().value(), action,
                lab.objectName(), detail));
    }

    /** Dataset folders looked up once per school and name within one call. */
    private ExtraFolders.DatasetFolders datasetFolders() {
        DatasetRepository repository = new DatasetRepository(em);
        Map<String, Optional<String>> found = new HashMap<>();
        return (school, name) -> found.computeIfAbsent(school.slug().value() + "/" + name,
                key -> repository.findVisible(name, school).map(Dataset::folder));
    }

    private static LabRecord record(Lab lab, PlatformSettings platform, ClassSession sessionOrNull, ExtraFolders.DatasetFolders datasets) {
        Demand demand = LabSizing.demand(lab.size());
        Instant stopAt = null;
        String stopReason = null;
        if (sessionOrNull != null) {
            stopAt = sessionOrNull.labStopsAt(lab, platform.sessionEndGrace());
            stopReason = sessionOrNull.cancelled() ? "lab.reason.session-cancelled" : "lab.reason.session-ended";
        } else if (lab.reclaimAt().isPresent()) {
            stopAt = lab.reclaimAt().get();
            stopReason = "lab.reason.reclaimed";
        }
        return new LabRecord(lab.id(), lab.tenant().slug().value(), lab.owner().username(), lab.state(), demand,
                lab.node().orElse(null), lab.stateChangedAt(), lab.runningAt().orElse(null),
                lab.lastActivityAt().orElse(null), LabBlueprints.of(lab, demand.nodeSelector(), platform, sessionOrNull, datasets),
                sessionOrNull == null ? null : sessionOrNull.id(), stopAt, stopReason);
    }
}

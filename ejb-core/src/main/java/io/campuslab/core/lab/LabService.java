package io.campuslab.core.lab;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.gateway.GatewayPasses;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabOrigin;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.quota.Allowance;
import io.campuslab.domain.quota.AllowanceProblem;
import io.campuslab.domain.quota.AllowanceRepository;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import io.campuslab.domain.platform.PlatformSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Members' labs: asking for one, seeing one's own, stopping. A member holds as many active labs at
 * once as their allowance says (one unless the school's admin allows more), in sizes and GPU-hours
 * within it; the count is read under a lock on the member's row, so fifty clicks at once give one
 * lab. Starting is the scheduler's work: a request only queues.
 */
@Stateless
public class LabService {

    /**
     * Labs one member may hold at once as far as admission is concerned: the member's own limit (an
     * allowance, one by default) holds when the lab is asked for, under the lock on the member's row.
     */
    static final int LABS_PER_MEMBER_AT_ADMISSION = 100;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    SettingsSource settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SchedulerLease scheduler;

    @Inject
    LabSignals signals;

    /** Queues a lab for the caller from the school's catalog. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public LabView request(LabRequest request) throws NotPermittedException, NotFoundException, InvalidInputException,
            ConflictException {
        Member caller = em.find(Member.class, currentMember.require().id(), LockModeType.PESSIMISTIC_WRITE);
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        if (!school.isActive()) {
            throw new NotPermittedException("error.membership.school-suspended");
        }
        LabTemplate template = OfferedTemplates.find(em, school, request.template());
        LabRepository labs = new LabRepository(em);
        Allowance allowance = new AllowanceRepository(em).effective(caller, school);
        LabSize size = LabSizing.size(request, template, settings.current());
        Optional<AllowanceProblem> tooLarge = allowance.refuses(new LabResources(size.cpuLimitMillis(), size.memoryLimitMib(), size.gpus()));
        if (tooLarge.isPresent()) {
            throw new InvalidInputException(tooLarge.get().messageKey(), tooLarge.get().limit());
        }
        if (labs.activeCount(caller) >= allowance.labsAtOnceOrDefault()) {
            throw new ConflictException("error.lab.already-active", allowance.labsAtOnceOrDefault());
        }
        if (size.gpus() > 0) {
            checkGpuBudgets(labs, school, caller, allowance);
        }
        Lab lab = Lab.queue(school, caller, template, size, LabOrigin.SELF_SERVICE, clock.instant());
        labs.add(lab);
        em.flush();
        audit.record(school.slug().value(), "lab.requested", lab.objectName(), template.name());
        signals.labsChanged();
        return views(List.of(lab)).get(0);
    }

    /**
     * A GPU lab of the member's own needs GPU-hours left: in the school's budget this month, and in
     * the member's own budgets for the month and the term (which count only labs of their own).
     */
    private void checkGpuBudgets(LabRepository labs, Tenant school, Member caller, Allowance allowance) throws ConflictException {
        UsageMeter meter = UsageMeter.of(labs, school, caller, allowance.gpuHoursPerTerm(), clock.instant());
        if (meter.schoolGpuHoursLeft() <= 0) {
            throw new ConflictException("error.lab.gpu-budget-used", school.quota().gpuHoursPerMonth());
        }
        if (allowance.gpuHoursPerMonth() != null && meter.ownGpuHours() >= allowance.gpuHoursPerMonth()) {
            throw new ConflictException("error.lab.own-gpu-budget-used", allowance.gpuHoursPerMonth());
        }
        if (meter.termBudgetSpent()) {
            throw new ConflictException("error.lab.term-gpu-budget-used", allowance.gpuHoursPerTerm(), meter.termOrNull().ends().toString());
        }
    }

    /** The caller's labs: the active one and the last that ended, newest first. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<LabView> mine() throws NotPermittedException {
        return views(new LabRepository(em).of(currentMember.require(), 10));
    }

    /** The school's active labs, for its admin. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<LabView> school() throws NotPermittedException {
        Tenant school = currentMember.require().tenant().orElseThrow(NotPermittedException::new);
        return views(new LabRepository(em).activeOf(school));
    }

    /**
     * The owner opens their running lab: counts as activity, and says where its objects are. The
     * teacher of the lab's class session may open it too, to help; that is not the student's activity.
     *
     * @return the lab's namespace, object name and port names
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public LabTarget open(long id) throws NotPermittedException, NotFoundException, ConflictException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Lab lab = new LabRepository(em).find(id, school)
                .filter(l -> l.owner().id().equals(caller.id()) || teachesSessionOf(l, caller))
                .orElseThrow(() -> new NotFoundException("lab", id));
        if (lab.state() != LabState.RUNNING) {
            throw new ConflictException("error.lab.not-running", lab.templateName());
        }
        if (lab.owner().id().equals(caller.id())) {
            lab.opened(clock.instant());
        }
        return new LabTarget(school.namespace(), lab.objectName(), lab.portNames());
    }

    /**
     * Entering a running lab through the gateway: its owner; the teacher of the class session it was
     * prepared for, while that session's labs run; a school admin where the school lets them. Anyone
     * but the owner is recorded on the lab (the student sees who and when) and in the audit log; the
     * owner's entering counts as activity.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public LabEntry enter(long id) throws NotPermittedException, NotFoundException, ConflictException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Instant now = clock.instant();
        PlatformSettings platform = settings.current();
        Lab lab = new LabRepository(em).find(id, school).orElseThrow(() -> new NotFoundException("lab", id));
        GatewayPasses.Standing standing;
        if (lab.owner().id().equals(caller.id())) {
            standing = GatewayPasses.Standing.OWNER;
        } else if (teachesRunningSessionOf(lab, caller, platform, now)) {
            standing = GatewayPasses.Standing.TEACHER;
        } else if (school.adminsOpenLabs() && caller.hasRole(Role.TENANT_ADMIN)) {
            standing = GatewayPasses.Standing.ADMIN;
        } else {
            throw new NotFoundException("lab", id);
        }
        if (lab.state() != LabState.RUNNING) {
            throw new ConflictException("error.lab.not-running", lab.templateName());
        }
        if (standing == GatewayPasses.Standing.OWNER) {
            lab.opened(now);
        } else {
            lab.visitedBy(caller.displayName(), now);
            audit.record(school.slug().value(), standing == GatewayPasses.Standing.TEACHER ? "lab.entered-by-teacher"
                    : "lab.entered-by-admin", lab.objectName(), lab.owner().username());
        }
        return new LabEntry(lab.id(), lab.gatewayKey(), caller.subject(), standing, lab.portNames());
    }

    /** Whether the caller teaches the class session of the lab and the session's labs still run. */
    private boolean teachesRunningSessionOf(Lab lab, Member caller, PlatformSettings platform, Instant now) {
        return lab.sessionId().map(session -> em.find(ClassSession.class, session))
                .filter(session -> session.teacherMayEnter(lab, platform.sessionEndGrace(), now))
                .map(session -> session.classroom().isTaughtBy(caller))
                .orElse(false);
    }

    /** Who enters which lab, as what. */
    public record LabEntry(long labId, String key, String subject, GatewayPasses.Standing standing, List<String> ports)
            implements java.io.Serializable {

        public LabEntry {
            ports = List.copyOf(ports);
        }
    }

    /** Whether the caller teaches the class session the lab was prepared for: its teacher may open it to help. */
    private boolean teachesSessionOf(Lab lab, Member caller) {
        return lab.sessionId().map(session -> em.find(ClassSession.class, session))
                .map(session -> session.classroom().isTaughtBy(caller))
                .orElse(false);
    }

    /** The owner keeps their running lab from being stopped as idle: it counts as activity now. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public LabView keep(long id) throws NotPermittedException, NotFoundException, ConflictException {
        open(id);
        Lab lab = new LabRepository(em).find(id, currentMember.require().tenant().orElseThrow(NotPermittedException::new))
                .orElseThrow(() -> new NotFoundException("lab", id));
        return views(List.of(lab)).get(0);
    }

    /**
     * What the caller and the caller's school used this month, against the school's GPU-hour budget,
     * and the caller's GPU-hours this term against their budget for it.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public UsageMeter usage() throws NotPermittedException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Allowance allowance = new AllowanceRepository(em).effective(caller, school);
        return UsageMeter.of(new LabRepository(em), school, caller, allowance.gpuHoursPerTerm(), clock.instant());
    }

    /** Where a lab's objects are on the cluster, and the names of its ports in the template's order. */
    public record LabTarget(String namespace, String name, List<String> ports) implements java.io.Serializable {

        public LabTarget {
            ports = List.copyOf(ports);
        }
    }


    /** Per school: labs running, starting and queued, and what they hold; for the platform admin's cluster page. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<SchoolAllocation> allocation() {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, long[]> held = new TreeMap<>();
        for (Lab lab : new LabRepository(em).inStates(LabState.active())) {
            String school = lab.tenant().slug().value();
            int[] c = counts.computeIfAbsent(school, k -> new int[3]);
            c[lab.state() == LabState.RUNNING ? 0 : lab.state() == LabState.QUEUED ? 2 : 1]++;
            if (lab.state().holdsResources()) {
                long[] h = held.computeIfAbsent(school, k -> new long[3]);
                h[0] += lab.size().cpuLimitMillis();
                h[1] += lab.size().memoryLimitMib();
                h[2] += lab.size().gpus();
            }
        }
        Map<String, Integer> quotas = new TreeMap<>();
        new TenantRepository(em).listAll().forEach(t -> quotas.put(t.slug().value(), t.quota().gpus()));
        return counts.entrySet().stream().map(e -> {
            long[] h = held.getOrDefault(e.getKey(), new long[3]);
            int[] c = e.getValue();
            return new SchoolAllocation(e.getKey(), c[0], c[1], c[2], h[0], h[1], (int) h[2], quotas.getOrDefault(e.getKey(), 0));
        }).toList();
    }

    /** Every queued lab of the platform, in request order, for the platform admin. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<LabView> queue() {
        return views(new LabRepository(em).inStates(EnumSet.of(LabState.QUEUED)));
    }

    /** Stops a lab: one's own, or, for the school's admin, any of the school. Stopping twice changes nothing. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public LabView stop(long id) throws NotPermittedException, NotFoundException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        Lab lab = new LabRepository(em).find(id, school).orElseThrow(() -> new NotFoundException("lab", id));
        boolean own = lab.owner().id().equals(caller.id());
        if (!own && !caller.hasRole(Role.TENANT_ADMIN)) {
            throw new NotFoundException("lab", id);
        }
        if (lab.stop(own ? "lab.reason.stopped-by-user" : "lab.reason.stopped-by-admin", clock.instant())) {
            audit.record(school.slug().value(), "lab.stopped", lab.objectName(), lab.owner().username());
            signals.labsChanged();
        }
        return views(List.of(lab)).get(0);
    }

    /** Labs as people see them: while the cluster cannot be reached, what waits for it says so. */
    private List<LabView> views(List<Lab> labs) {
        boolean unreachable = scheduler.clusterUnreachableSince().isPresent();
        PlatformSettings platform = settings.current();
        Instant now = clock.instant();
        Map<Long, ClassSession> sessionsById = new ClassSessionRepository(em).ofLabs(labs);
        return labs.stream().map(lab -> LabView.of(lab, platform, now, lab.sessionId().map(sessionsById::get)
                        .map(s -> s.labStopsAt(lab, platform.sessionEndGrace())).orElse(null)))
                .map(v -> unreachable ? v.whileClusterUnreachable() : v).toList();
    }

}

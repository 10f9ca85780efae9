package io.campuslab.domain.lab;

import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A member's lab: made from a template, sized, queued, then provisioned on the cluster, running, and
 * stopped. Every change of state goes through a method here that checks it is allowed and records
 * why and when; the version guards against two writers.
 */
@Entity
@Table(name = "labs")
public class Lab {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private Member owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "template_id")
    private LabTemplate template;

    @Column(name = "template_name", nullable = false, length = 40)
    private String templateName;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 16)
    private LabOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private LabState state;

    @Column(name = "reason_key", length = 64)
    private String reasonKey;

    @Column(name = "reason_detail", length = 255)
    private String reasonDetail;

    @Column(name = "queue_position")
    private Integer queuePosition;

    @Column(name = "starts_by")
    private Instant startsBy;

    @Embedded
    private LabSize size;

    @Column(name = "node_name", length = 253)
    private String node;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    @Column(name = "admitted_at")
    private Instant admittedAt;

    @Column(name = "running_at")
    private Instant runningAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "reclaim_at")
    private Instant reclaimAt;

    @Column(name = "first_opened_at")
    private Instant firstOpenedAt;

    @Column(name = "kept_until")
    private Instant keptUntil;

    @Column(name = "gateway_key", nullable = false, length = 32, updatable = false)
    private String gatewayKey;

    @Column(name = "visited_by", length = 255)
    private String visitedBy;

    @Column(name = "visited_at")
    private Instant visitedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    private static final java.security.SecureRandom KEYS = new java.security.SecureRandom();

    protected Lab() {
        // for Jakarta Persistence
    }

    /** A new lab, queued. */
    public static Lab queue(Tenant tenant, Member owner, LabTemplate template, LabSize size, LabOrigin origin, Instant now) {
        Lab lab = new Lab();
        lab.tenant = tenant;
        lab.owner = owner;
        lab.template = template;
        lab.templateName = template.name();
        lab.size = size;
        lab.origin = origin;
        lab.state = LabState.QUEUED;
        lab.requestedAt = now;
        lab.stateChangedAt = now;
        lab.reasonKey = "lab.reason.queued";
        lab.gatewayKey = newGatewayKey();
        return lab;
    }

    /** 128 random bits in lower-case base 32: the lab's address on the gateway, which nobody can count to. */
    static String newGatewayKey() {
        byte[] bytes = new byte[16];
        KEYS.nextBytes(bytes);
        StringBuilder key = new StringBuilder(26);
        long bits = 0;
        int held = 0;
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xff);
            held += 8;
            while (held >= 5) {
                key.append("abcdefghijklmnopqrstuvwxyz234567".charAt((int) (bits >>> (held - 5)) & 31));
                held -= 5;
            }
        }
        if (held > 0) {
            key.append("abcdefghijklmnopqrstuvwxyz234567".charAt((int) (bits << (5 - held)) & 31));
        }
        return key.toString();
    }

    /** The names of the lab's ports, in its template's order; the first is the lab's front door. */
    public List<String> portNames() {
        return template().map(t -> t.ports().stream().map(p -> p.name()).toList()).orElse(List.of());
    }

    /** The lab's address on the gateway: {@code /labs/<key>/}, or {@code <key>.<lab domain>}. */
    public String gatewayKey() {
        return gatewayKey;
    }

    /**
     * Someone other than the owner (the session's teacher, or a school admin) opened the lab: the
     * student sees who and when.
     */
    public void visitedBy(String displayName, Instant now) {
        this.visitedBy = displayName.length() > 255 ? displayName.substring(0, 255) : displayName;
        this.visitedAt = now;
    }

    /** Who other than the owner opened the lab last, and when. */
    public Optional<Visit> lastVisit() {
        return visitedBy == null || visitedAt == null ? Optional.empty() : Optional.of(new Visit(visitedBy, visitedAt));
    }

    /** A visit of the lab by someone other than its owner. */
    public record Visit(String by, Instant at) {
    }

    /** A new lab for a student of a class session, queued. */
    public static Lab forSession(long sessionId, Tenant tenant, Member student, LabTemplate template, LabSize size,
                                 Instant now) {
        Lab lab = queue(tenant, student, template, size, LabOrigin.SESSION, now);
        lab.sessionId = sessionId;
        return lab;
    }

    /**
     * The lab gives its room back to a class session: it stops at the deadline. A lab already told
     * keeps its first deadline; one that does not hold resources has nothing to give back.
     *
     * @return whether the lab was told now
     */
    public boolean reclaim(Instant deadline) {
        if (reclaimAt != null || !state.holdsResources() || sessionId != null) {
            return false;
        }
        reclaimAt = deadline;
        return true;
    }

    /** When the lab stops to give its room back to a class session, if it must. */
    public Optional<Instant> reclaimAt() {
        return Optional.ofNullable(state.holdsResources() ? reclaimAt : null);
    }

    /**
     * A session's lab is kept running until this moment even if its session ends earlier; a lab of
     * one's own, or one that ended, is not kept.
     *
     * @return whether the lab is kept now
     */
    public boolean keepUntil(Instant until) {
        if (sessionId == null || !state.isActive() || state == LabState.STOPPING) {
            return false;
        }
        keptUntil = until;
        return true;
    }

    /** Until when a teacher keeps this session's lab running past the session's end, if they do. */
    public Optional<Instant> keptUntil() {
        return Optional.ofNullable(keptUntil);
    }

    /** The owner opened the running lab: activity, and the first opening is kept (a session's attendance). */
    public void opened(Instant now) {
        touch(now);
        if (state == LabState.RUNNING && firstOpenedAt == null) {
            firstOpenedAt = now;
        }
    }

    /** The class session the lab was prepared for, if any. */
    public Optional<Long> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** When its owner first opened it. */
    public Optional<Instant> firstOpenedAt() {
        return Optional.ofNullable(firstOpenedAt);
    }

    /**
     * The queue said why the lab waits, where it stands in its school's queue (1 is next) and, if it
     * can be said, by when it starts at the latest; it stays queued.
     */
    public void waits(String reasonKey, String detail, int position, Instant startsByOrNull) {
        require(state == LabState.QUEUED, LabState.QUEUED);
        this.reasonKey = reasonKey;
        this.reasonDetail = shorten(detail);
        this.queuePosition = position;
        this.startsBy = startsByOrNull;
    }

    /** By when the queued lab starts at the latest, as the last pass estimated it. */
    public Optional<Instant> startsBy() {
        return Optional.ofNullable(state == LabState.QUEUED ? startsBy : null);
    }

    /** Admitted: the cluster objects are created next. */
    public void admit(String nodeWithRoom, Instant now) {
        move(LabState.PROVISIONING, "lab.reason.admitted", null, now);
        this.node = nodeWithRoom;
        this.admittedAt = now;
    }

    /** A starting lab got further (placed on a machine, image downloading, starting); it stays provisioning. */
    public void progresses(String reasonKey) {
        if (state == LabState.PROVISIONING && !reasonKey.equals(this.reasonKey)) {
            this.reasonKey = reasonKey;
            this.reasonDetail = null;
        }
    }

    /** The pod runs and answers. */
    public void running(String actualNode, Instant now) {
        move(LabState.RUNNING, "lab.reason.running", null, now);
        this.node = actualNode;
        this.runningAt = now;
        this.lastActivityAt = now;
    }

    /** Provisioning or running failed for a reason the user can read. */
    public void fail(String reasonKey, String detail, Instant now) {
        move(LabState.FAILED, reasonKey, detail, now);
        this.endedAt = now;
    }

    /**
     * Asks the lab to stop: a queued lab stops at once, a provisioned or running one goes to
     * stopping until its pod is gone. Asking again, or asking a lab that ended, changes nothing.
     *
     * @return whether anything changed
     */
    public boolean stop(String reasonKey, Instant now) {
        if (state == LabState.QUEUED) {
            move(LabState.STOPPED, reasonKey, null, now);
            this.endedAt = now;
            return true;
        }
        if (state == LabState.PROVISIONING || state == LabState.RUNNING) {
            move(LabState.STOPPING, reasonKey, null, now);
            return true;
        }
        return false;
    }

    /** The pod of a stopping lab is gone. */
    public void gone(Instant now) {
        if (state != LabState.STOPPING) {
            throw new LabStateException(state, LabState.STOPPED);
        }
        move(LabState.STOPPED, reasonKey, reasonDetail, now);
        this.endedAt = now;
    }

    /** Someone used the lab: opened it through the portal, or the lab reported activity. */
    public void touch(Instant now) {
        if (state == LabState.RUNNING && (lastActivityAt == null || now.isAfter(lastActivityAt))) {
            lastActivityAt = now;
        }
    }

    /** Why this lab stops {@code now} by the culling rule, if it does: only a running lab is culled. */
    public Optional<String> cullingDue(LabCulling culling, Instant now) {
        return state == LabState.RUNNING ? culling.due(lastActivityAt, runningAt, now) : Optional.empty();
    }

    /**
     * What the lab used between two instants: its CPU limit in core-hours and its GPUs in GPU-hours,
     * for the time it was running (or stopping) inside that window.
     */
    public LabUsage usedBetween(Instant from, Instant to) {
        if (runningAt == null) {
            return LabUsage.NONE;
        }
        Instant start = runningAt.isAfter(from) ? runningAt : from;
        Instant end = endedAt == null || endedAt.isAfter(to) ? to : endedAt;
        if (!end.isAfter(start)) {
            return LabUsage.NONE;
        }
        double hours = Duration.between(start, end).toMillis() / 3_600_000.0;
        return new LabUsage(hours * size.cpuLimitMillis() / 1000.0, hours * size.gpus());
    }

    /** When this running lab will be stopped as idle, counting from its latest activity. */
    public Optional<Instant> idleStopAt(LabCulling culling) {
        return state == LabState.RUNNING ? culling.idleStopAt(lastActivityAt) : Optional.empty();
    }

    /** When this running lab reaches the longest life a lab may have. */
    public Optional<Instant> lifetimeEndAt(LabCulling culling) {
        return state == LabState.RUNNING ? culling.lifetimeEndAt(runningAt) : Optional.empty();
    }

    private void move(LabState to, String reasonKey, String detail, Instant now) {
        if (!state.next().contains(to)) {
            throw new LabStateException(state, to);
        }
        this.state = to;
        this.reasonKey = reasonKey;
        this.reasonDetail = shorten(detail);
        this.stateChangedAt = now;
        this.queuePosition = null;
        this.startsBy = null;
    }

    private void require(boolean condition, LabState expected) {
        if (!condition) {
            throw new LabStateException(state, expected);
        }
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
    }

    /** The name of the lab's pod, service and secret: deterministic and DNS-1123 valid. */
    public String objectName() {
        return "lab-" + id;
    }

    public Long id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }

    public Member owner() {
        return owner;
    }

    /** The template the lab was made from; empty once the template was deleted. */
    public Optional<LabTemplate> template() {
        return Optional.ofNullable(template);
    }

    public String templateName() {
        return templateName;
    }

    public LabOrigin origin() {
        return origin;
    }

    public LabState state() {
        return state;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Optional<String> reasonDetail() {
        return Optional.ofNullable(reasonDetail);
    }

    /** The place in the school's queue while queued; empty otherwise or before the first pass. */
    public Optional<Integer> queuePosition() {
        return Optional.ofNullable(queuePosition);
    }

    public LabSize size() {
        return size;
    }

    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public Optional<Instant> admittedAt() {
        return Optional.ofNullable(admittedAt);
    }

    public Optional<Instant> runningAt() {
        return Optional.ofNullable(runningAt);
    }

    public Optional<Instant> lastActivityAt() {
        return Optional.ofNullable(lastActivityAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }
}

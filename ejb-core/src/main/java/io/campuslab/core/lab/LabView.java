package io.campuslab.core.lab;

import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabCulling;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A lab as its owner and the school's admin see it: state with the reason in words' key, its size,
 * and for a running lab when it will be stopped if nobody uses it, and at the latest.
 *
 * @param idleStopAt    when the running lab is stopped unless someone uses it; null otherwise
 * @param lifetimeEndAt when the running lab reaches the longest life; null otherwise
 * @param idleWarning   whether the idle stop is near enough to warn the owner
 * @param ports         the names of the lab's ports, each opened on its own
 * @param startsBy      by when a queued lab starts at the latest; null when it cannot be said
 * @param sessionId     the class session the lab was prepared for; null for a lab one asked for
 * @param stopsAt       when the lab stops whatever happens: its session's end plus the grace period,
 *                      or the deadline to give its room back to a session; null otherwise
 * @param visitedBy     who other than the owner (the session's teacher, a school admin) opened the lab
 *                      while it ran; null when nobody did
 * @param visitedAt     when they opened it last
 */
public record LabView(long id, String tenant, String owner, String template, String templateTitle, LabState state, String reasonKey, String reasonDetail,
                      Integer queuePosition, int cpuMillis, int memoryMib, int gpus, String gpuKey, Instant requestedAt, Instant stateChangedAt,
                      Instant idleStopAt, Instant lifetimeEndAt, boolean idleWarning, List<String> ports,
                      Instant startsBy, Long sessionId, Instant stopsAt, String visitedBy, Instant visitedAt)
        implements Serializable {

    /** Whether the lab stops soon to give its room back to a class session. */
    public boolean reclaimed() {
        return sessionId == null && stopsAt != null;
    }

    /** The same lab as seen while the cluster cannot be reached: what waits for the cluster says so. */
    LabView whileClusterUnreachable() {
        if (state != LabState.QUEUED && state != LabState.PROVISIONING && state != LabState.STOPPING) {
            return this;
        }
        return new LabView(id, tenant, owner, template, templateTitle, state, "lab.reason.cluster-unreachable", "",
                queuePosition, cpuMillis, memoryMib, gpus, gpuKey, requestedAt, stateChangedAt, idleStopAt, lifetimeEndAt,
                idleWarning, ports, startsBy, sessionId, stopsAt, visitedBy, visitedAt);
    }

    static LabView of(Lab lab, PlatformSettings platform, Instant now) {
        return of(lab, platform, now, null);
    }

    /**
     * @param sessionStopAtOrNull when the lab's session stops its labs; a session's lab is not
     *                            stopped as idle nor for its age, only by its session
     */
    public static LabView of(Lab lab, PlatformSettings platform, Instant now, Instant sessionStopAtOrNull) {
        boolean session = lab.sessionId().isPresent();
        LabCulling culling = new LabCulling(platform.idleTimeout(), platform.maxLifetime());
        Instant idleStop = session ? null : lab.idleStopAt(culling).orElse(null);
        Instant stopsAt = session ? (lab.state().holdsResources() || lab.state() == LabState.QUEUED ? sessionStopAtOrNull : null)
                : lab.reclaimAt().orElse(null);
        return new LabView(lab.id(), lab.tenant().slug().value(), lab.owner().username(), lab.templateName(),
                lab.template().map(t -> t.displayName()).orElse(lab.templateName()), lab.state(), lab.reasonKey(),
                lab.reasonDetail().orElse(""), lab.queuePosition().orElse(null), lab.size().cpuLimitMillis(), lab.size().memoryLimitMib(), lab.size().gpus(),
                lab.size().gpuKey().orElse(null), lab.requestedAt(), lab.stateChangedAt(), idleStop,
                session ? null : lab.lifetimeEndAt(culling).orElse(null),
                idleStop != null && !now.isBefore(idleStop.minus(platform.idleWarning())), lab.portNames(),
                lab.startsBy().orElse(null), lab.sessionId().orElse(null), stopsAt,
                visitWhileRunning(lab).map(Lab.Visit::by).orElse(null), visitWhileRunning(lab).map(Lab.Visit::at).orElse(null));
    }

    /** A visit counts for the lab's run only: one before it last started belongs to an earlier run. */
    private static java.util.Optional<Lab.Visit> visitWhileRunning(Lab lab) {
        return lab.lastVisit().filter(visit -> lab.runningAt().map(started -> !visit.at().isBefore(started)).orElse(false));
    }
}

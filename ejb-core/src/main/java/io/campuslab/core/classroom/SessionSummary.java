package io.campuslab.core.classroom;

import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.SessionPhase;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** A session as its teacher and students see it: its window, its lab and where it stands. */
public record SessionSummary(long id, long classroomId, String classroom, String series, String template, String course,
                             int cpuMillis, int memoryMib, int gpus, String gpuKey, String gpuModel, int seats,
                             Instant prepareAt, Instant startsAt, Instant endsAt, Instant labsStopAt, SessionPhase phase)
        implements Serializable {

    static SessionSummary of(ClassSession session, Instant now, Duration grace) {
        return new SessionSummary(session.id(), session.classroom().id(), session.classroom().name(), session.series(),
                session.template().map(t -> t.displayName()).orElse(session.templateName()),
                session.course().map(c -> c.title()).orElse(null),
                session.size().cpuLimitMillis(), session.size().memoryLimitMib(), session.size().gpus(),
                session.size().gpuKey().orElse(null), session.size().gpuModel().orElse(null), session.seats(),
                session.prepareAt(), session.startsAt(), session.endsAt(), session.labsStopAt(grace),
                session.phase(now, grace));
    }
}

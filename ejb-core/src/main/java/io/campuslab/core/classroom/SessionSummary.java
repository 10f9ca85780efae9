package io.campuslab.core.classroom;

import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.SessionPhase;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A session as its teacher and students see it: its window, its lab and where it stands.
 *
 * @param course   the title of the course whose material the labs mount; null: the school's courses
 * @param datasets the names of the datasets the labs mount; empty: all the school may use
 */
public record SessionSummary(long id, long classroomId, String classroom, String series, String template, String course,
                             List<String> datasets,
                             int cpuMillis, int memoryMib, int gpus, String gpuKey, String gpuModel, int seats,
                             Instant prepareAt, Instant startsAt, Instant endsAt, Instant labsStopAt, SessionPhase phase)
        implements Serializable {

    public SessionSummary {
        datasets = List.copyOf(datasets);
    }

    static SessionSummary of(ClassSession session, Instant now, Duration grace) {
        return new SessionSummary(session.id(), session.classroom().id(), session.classroom().name(), session.series(),
                session.template().map(t -> t.displayName()).orElse(session.templateName()),
                session.course().map(c -> c.title()).orElse(null),
                session.datasets().stream().map(d -> d.name()).toList(),
                session.size().cpuLimitMillis(), session.size().memoryLimitMib(), session.size().gpus(),
                session.size().gpuKey().orElse(null), session.size().gpuModel().orElse(null), session.seats(),
                session.prepareAt(), session.startsAt(), session.endsAt(), session.labsStopAt(grace),
                session.phase(now, grace));
    }
}

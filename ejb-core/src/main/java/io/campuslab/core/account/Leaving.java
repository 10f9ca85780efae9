package io.campuslab.core.account;

import io.campuslab.core.lab.LabSignals;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * A member leaves their school — removed by its admin or graduated at the end of a year: their labs
 * stop, they leave every roster, and they are deleted after the grace period. In the caller's
 * transaction; the caller audits.
 */
final class Leaving {

    /** More labs than one member can have had at once are not looked at. */
    static final int MOST_LABS = 50;

    private final LabRepository labs;
    private final ClassroomRepository classrooms;
    private final LabSignals signals;
    private final Duration grace;

    Leaving(EntityManager em, LabSignals signals, Duration grace) {
        this.labs = new LabRepository(em);
        this.classrooms = new ClassroomRepository(em);
        this.signals = signals;
        this.grace = grace;
    }

    /**
     * @param reason the message key the stopped labs give
     * @return how many labs were stopped
     */
    int leave(Member member, Instant now, String reason) {
        if (member.leavingSince().isPresent()) {
            return 0;
        }
        member.leave(now, now.plus(grace));
        int stopped = stopLabs(labs, member, reason, now);
        for (Classroom classroom : classrooms.withStudent(member)) {
            classroom.takeOff(member);
        }
        if (stopped > 0) {
            signals.labsChanged();
        }
        return stopped;
    }

    /**
     * Stops every active lab of the member with the reason given (a member leaving, suspended).
     *
     * @return how many were stopped
     */
    static int stopLabs(LabRepository labs, Member member, String reason, Instant now) {
        int stopped = 0;
        for (Lab lab : labs.of(member, MOST_LABS)) {
            if (lab.state().isActive() && lab.stop(reason, now)) {
                stopped++;
            }
        }
        return stopped;
    }

    /** When a member leaving now is deleted. */
    Instant deletedAfter(Instant now) {
        return now.plus(grace);
    }
}

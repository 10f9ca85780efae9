package io.campuslab.core.classroom;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as a teacher asks for it: when (in the teacher's time zone), how long, once or every
 * week until a last day, how long ahead the labs are prepared, and each student's lab. Empty sizes
 * take the template's defaults, as for a lab one asks for oneself.
 *
 * @param zone           an IANA time zone such as {@code Europe/Berlin}; empty for UTC
 * @param weeklyUntil    the last day of a weekly session; null for one session
 * @param prepareMinutes how long before the start the labs are prepared; 0: when each student opens it
 * @param course         the name of the course whose material the labs mount; null: the school's courses
 * @param datasets       the names of the datasets the labs mount; empty: all the school may use
 */
public record SessionDraft(String template, LocalDateTime start, int minutes, LocalDate weeklyUntil, String zone,
                           int prepareMinutes, Integer cpuMillis, Integer memoryMib, int gpus, String gpuKey,
                           String gpuModel, String course, List<String> datasets) implements Serializable {

    public SessionDraft {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }
}

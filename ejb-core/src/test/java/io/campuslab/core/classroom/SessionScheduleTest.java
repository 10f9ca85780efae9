package io.campuslab.core.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeeklySessionKeepsItsLocalTimeAcrossDaylightSaving() {
        List<SessionSchedule.Window> tuesdays = SessionSchedule.weekly(LocalDateTime.parse("2026-10-20T08:00"),
                Duration.ofMinutes(90), LocalDate.parse("2026-11-03"), BERLIN);

        assertThat(tuesdays).extracting(SessionSchedule.Window::start).containsExactly(
                Instant.parse("2026-10-20T06:00:00Z"), Instant.parse("2026-10-27T07:00:00Z"), Instant.parse("2026-11-03T07:00:00Z"));
        assertThat(tuesdays.get(0).end()).isEqualTo(Instant.parse("2026-10-20T07:30:00Z"));
    }

    @Test
    void aTermOfSixteenWeeksHasSixteenSessionsAndNoSeriesIsEndless() {
        assertThat(SessionSchedule.weekly(LocalDateTime.parse("2026-09-01T14:00"), Duration.ofMinutes(45),
                LocalDate.parse("2026-12-15"), SHANGHAI)).hasSize(16);
        assertThatThrownBy(() -> SessionSchedule.weekly(LocalDateTime.parse("2026-09-01T14:00"), Duration.ofMinutes(45),
                LocalDate.parse("2030-12-15"), SHANGHAI)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SessionSchedule.once(LocalDateTime.parse("2026-11-24T08:00"), Duration.ofHours(1), SHANGHAI))
                .containsExactly(new SessionSchedule.Window(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T01:00:00Z")));
    }
}

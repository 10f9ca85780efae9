package io.campuslab.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TermTest {

    private final Term autumn = new Term(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 31));

    @Test
    void bothDaysAreInTheTerm() {
        assertThat(autumn.contains(Instant.parse("2026-09-01T00:00:00Z"))).isTrue();
        assertThat(autumn.contains(Instant.parse("2027-01-31T23:59:59Z"))).isTrue();
        assertThat(autumn.contains(Instant.parse("2027-02-01T00:00:00Z"))).isFalse();
        assertThat(autumn.contains(Instant.parse("2026-08-31T23:59:59Z"))).isFalse();
    }

    @Test
    void aTermEndsOnOrAfterItsFirstDayWithinFourHundredDays() {
        assertThat(Term.isValid(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1))).isTrue();
        assertThat(Term.isValid(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 31))).isFalse();
        assertThat(Term.isValid(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 10, 6))).isFalse();
        assertThat(Term.isValid(null, LocalDate.of(2026, 9, 1))).isFalse();
        assertThatThrownBy(() -> new Term(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

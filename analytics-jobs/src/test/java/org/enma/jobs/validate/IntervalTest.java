package org.enma.jobs.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.enma.schema.LocalClock;
import org.junit.jupiter.api.Test;

class IntervalTest {
    private static final LocalDate D1 = LocalDate.of(2014, 1, 1);

    @Test
    void theMostFrequentDifferenceOverTheDayAndItsNeighboursWins() {
        // 1 Jan: three hourly differences; 2 Jan: none; 3 Jan: two of 900
        long d = 86400;
        long[] t = {3600, 7200, 10800, 14400, 2 * d + 900, 2 * d + 1800, 2 * d + 2700};
        LocalDate[] days = {D1, D1, D1, D1, D1.plusDays(2), D1.plusDays(2), D1.plusDays(2)};
        assertThat(Interval.perDay(t, days)).containsEntry(D1, 3600)
                // around 2 Jan: 3 × 3600 against 2 × 900
                .containsEntry(D1.plusDays(1), 3600)
                // around 3 Jan: only 3 Jan's two 900s
                .containsEntry(D1.plusDays(2), 900);
    }

    @Test
    void aTieTakesTheShorter() {
        long d = 86400;
        long[] t = {3600, 7200, 10800, d + 900, d + 1800, d + 2700};
        LocalDate[] days = {D1, D1, D1, D1.plusDays(1), D1.plusDays(1), D1.plusDays(1)};
        assertThat(Interval.perDay(t, days)).containsEntry(D1, 900).containsEntry(D1.plusDays(1), 900);
    }

    @Test
    void aDayThatCannotTellTakesTheLastKnownElseZero() {
        long[] t = {3600};
        assertThat(Interval.perDay(t, new LocalDate[] {D1})).containsEntry(D1, 0);
    }

    @Test
    void theGridIsTheLocalWallClock() {
        assertThat(Interval.onGrid(900, 900, new LocalClock(ZoneOffset.UTC))).isTrue();
        assertThat(Interval.onGrid(900, 1800, new LocalClock(ZoneOffset.UTC))).isFalse();
        assertThat(Interval.onGrid(86400, 86400, new LocalClock(ZoneOffset.UTC))).isTrue();
        assertThat(Interval.onGrid(3600, 86400, new LocalClock(ZoneOffset.UTC))).isFalse();
        assertThat(Interval.onGrid(3600 + 7, 3600, new LocalClock(ZoneOffset.UTC))).isFalse();
        // +05:30: local 05:30 is on the half-hour grid, not on the hour's
        assertThat(Interval.onGrid(0, 1800, new LocalClock(ZoneOffset.ofHoursMinutes(5, 30)))).isTrue();
        assertThat(Interval.onGrid(0, 3600, new LocalClock(ZoneOffset.ofHoursMinutes(5, 30)))).isFalse();
    }
}

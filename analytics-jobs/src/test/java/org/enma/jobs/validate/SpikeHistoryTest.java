package org.enma.jobs.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.enma.jobs.read.Measure;
import org.junit.jupiter.api.Test;

/**
 * The sliding median on 60 days of hourly readings, each day's 24 holding its day number (day 1 holds 1, ...): the 28
 * days before day D hold D−28 … D−1, 24 each, so the middle two of the 672 are D−15 and D−14.
 */
class SpikeHistoryTest {
    private static final LocalDate FIRST = LocalDate.of(2014, 1, 1);
    private static final int DAYS = 60;

    private final Reading[] readings = new Reading[DAYS * 24];
    private final int[] intervals = new int[DAYS * 24];

    SpikeHistoryTest() {
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            for (int h = 1; h <= 24; h++) {
                long timestamp = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + h * 3600L;
                String value = d == 39 && h == 1 ? "1000" : Integer.toString(d + 1);
                readings[d * 24 + h - 1] = new Reading(new Measure("C", timestamp, null, null, Map.of("v", value)), day,
                        true);
                intervals[d * 24 + h - 1] = 3600;
            }
        }
        // day 40's first hour: a spike, left out of every later day's history
        readings[39 * 24].breaks(Rule.SPIKE);
    }

    private static LocalDate day(int n) {
        return FIRST.plusDays(n - 1);
    }

    @Test
    void theMedianSlidesWithTheDaysAskedAndLeavesSuspectsOut() {
        SpikeHistory history = new SpikeHistory(readings, intervals);
        // 3 days: 72 values, below 96
        assertThat(history.medianBefore(day(4), 3600)).isNull();
        // days 1-4, 96 values: the 48th and 49th are 2 and 3
        assertThat(history.medianBefore(day(5), 3600)).isEqualTo(2.5);
        assertThat(history.medianBefore(day(29), 3600)).isEqualTo(14.5);
        // days 17-44 less day 40's spike: 671 values, the 336th is day 17 + 13
        assertThat(history.medianBefore(day(45), 3600)).isEqualTo(30.0);
        assertThat(history.medianBefore(day(46), 3600)).isEqualTo(31.0);
    }

    @Test
    void anotherIntervalCountsOnlyItsOwnDays() {
        SpikeHistory history = new SpikeHistory(readings, intervals);
        assertThat(history.medianBefore(day(45), 3600)).isEqualTo(30.0);
        assertThat(history.medianBefore(day(46), 900)).isNull();
        // days 22-49, day 40 less its spike: the 336th is day 22 + 13
        assertThat(history.medianBefore(day(50), 3600)).isEqualTo(35.0);
        assertThat(history.medianBefore(day(50), Interval.UNKNOWN)).isNull();
    }
}

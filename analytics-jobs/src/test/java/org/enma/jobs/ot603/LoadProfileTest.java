package org.enma.jobs.ot603;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.enma.jobs.read.Measure;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;

/** OT603 at every interval, on days whose figures are worked out by hand. January 2014: the 6th is a Monday. */
class LoadProfileTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Month JAN = Month.of(2014, 1);

    private final List<Measure> series = new ArrayList<>();

    /** Readings every {@code step} seconds over local {@code day}, each holding {@code value.apply(timestamp)}. */
    private void day(LocalDate day, ZoneId zone, long step, LongFunction<Double> value) {
        long start = day.atStartOfDay(zone).toEpochSecond();
        long end = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        for (long t = start + step; t <= end; t += step) {
            series.add(new Measure("C", t, value.apply(t), null, Map.of()));
        }
    }

    private static long at(int day, int hour, int minute) {
        return LocalDateTime.of(2014, 1, day, hour, minute).toEpochSecond(ZoneOffset.UTC);
    }

    private static List<Double> hours(double all) {
        return new ArrayList<>(Collections.nCopies(24, all));
    }

    private Map<String, Object> profile(Month month, ZoneId zone) {
        series.sort(java.util.Comparator.comparingLong(Measure::timestamp));
        return LoadProfile.of(series, month, zone).orElseThrow();
    }

    @Test
    void hourlyDataGivesTheMeanOfEachHour() {
        // Monday and Tuesday 1 kWh an hour but the hour from 8:00 (stamped 9:00): 1 and 2; Saturday 1 kWh
        day(LocalDate.of(2014, 1, 6), UTC, 3600, t -> 1.0);
        day(LocalDate.of(2014, 1, 7), UTC, 3600, t -> t == at(7, 9, 0) ? 2.0 : 1.0);
        day(LocalDate.of(2014, 1, 11), UTC, 3600, t -> 1.0);
        List<Double> weekday = hours(1.0);
        weekday.set(8, 1.5);
        assertThat(profile(JAN, UTC)).isEqualTo(Map.of("weekdayProfile", weekday, "weekendProfile", hours(1.0)));
    }

    @Test
    void quarterHoursAreSummedPerHourAndAnIncompleteHourIsLeftOut() {
        // Monday: 0.25 a quarter, 0.5 in the hour from 8:00 → 1 kWh/h, and 2 from 8:00
        day(LocalDate.of(2014, 1, 6), UTC, 900, t -> t > at(6, 8, 0) && t <= at(6, 9, 0) ? 0.5 : 0.25);
        // Tuesday the same at 0.25, but its quarter ending 8:30 is missing: its hour 8 is incomplete
        day(LocalDate.of(2014, 1, 7), UTC, 900, t -> t > at(7, 8, 0) && t <= at(7, 9, 0) ? 0.75 : 0.25);
        series.removeIf(m -> m.timestamp() == at(7, 8, 30));
        List<Double> weekday = hours(1.0);
        weekday.set(8, 2.0);
        List<Double> noWeekend = new ArrayList<>(Arrays.asList(new Double[24]));
        assertThat(profile(JAN, UTC)).isEqualTo(Map.of("weekdayProfile", weekday, "weekendProfile", noWeekend));
    }

    @Test
    void halfHoursToo() {
        // Wednesday: 0.6 a half hour is 1.2 kWh per hour
        day(LocalDate.of(2014, 1, 8), UTC, 1800, t -> 0.6);
        assertThat(profile(JAN, UTC)).containsEntry("weekdayProfile", hours(1.2));
    }

    @Test
    void dailyReadingsHaveNoHours() {
        for (int d = 1; d <= 10; d++) {
            series.add(new Measure("C", at(d, 0, 0) + 86_400, 24.0, null, Map.of()));
        }
        assertThat(LoadProfile.of(series, JAN, UTC)).isEmpty();
    }

    @Test
    void theRepeatedAutumnHourIsDividedByTwoAndTheMissingSpringHourIsNull() {
        // Sunday 26 October 2014, Madrid: 100 quarters of 0.25; its 2:00 hour lasts two clock hours, 2 kWh over 2
        day(LocalDate.of(2014, 10, 26), MADRID, 900, t -> 0.25);
        assertThat(profile(Month.of(2014, 10), MADRID)).containsEntry("weekendProfile", hours(1.0));
        series.clear();
        // Sunday 30 March 2014: 92 quarters, no 2:00 hour
        day(LocalDate.of(2014, 3, 30), MADRID, 900, t -> 0.25);
        List<Double> spring = hours(1.0);
        spring.set(2, null);
        assertThat(profile(Month.of(2014, 3), MADRID)).containsEntry("weekendProfile", spring);
    }
}

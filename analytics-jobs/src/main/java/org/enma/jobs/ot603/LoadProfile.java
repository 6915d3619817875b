package org.enma.jobs.ot603;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.enma.jobs.common.Decimals;
import org.enma.jobs.common.EstimatedShare;
import org.enma.jobs.common.ExactSum;
import org.enma.jobs.read.Measure;
import org.enma.jobs.validate.Interval;
import org.enma.schema.IntervalConvention;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;

/**
 * OT603's formula as plain Java (docs/analytics.md): a contract's typical day in a month, in kWh per hour whatever its
 * interval. Each local date and hour (of {@code timestamp − 1 s}) has the sum of its measures' {@code v} divided by the
 * hour's length in clock hours (2 for the hour repeated when clocks go back); a profile value is the mean of that over
 * the Monday–Friday (Saturday–Sunday) dates whose hour has all its intervals at that date's interval ({@link
 * Interval}); {@code null} for an hour no date has complete. Dates of daily (or undetermined) interval have no hours.
 */
public final class LoadProfile {
    private static final int HOUR = 3600;

    private LoadProfile() {
    }

    /**
     * The profile fields of {@code series} — a contract's measures in time order over {@code month} and the day on
     * either side (they tell the interval of the month's first and last days) — or empty when no date has hours.
     */
    public static Optional<Map<String, Object>> of(List<Measure> series, Month month, ZoneId zone) {
        long[] times = new long[series.size()];
        LocalDate[] days = new LocalDate[series.size()];
        // per local date-hour: the sum of v (exact) and how many measures
        TreeMap<LocalDateTime, long[]> hours = new TreeMap<>();
        long units = 0;
        long estimated = 0;
        for (int i = 0; i < times.length; i++) {
            Measure m = series.get(i);
            times[i] = m.timestamp();
            LocalDateTime local = IntervalConvention.localTimeOf(m.timestamp(), zone);
            days[i] = local.toLocalDate();
            if (m.v() != null && Month.of(local.getYear(), local.getMonthValue()).equals(month)) {
                long[] sum = hours.computeIfAbsent(local.truncatedTo(ChronoUnit.HOURS), h -> new long[2]);
                long value = ExactSum.units(m.v());
                sum[0] = ExactSum.add(sum[0], value);
                sum[1]++;
                units = ExactSum.add(units, value);
                estimated = m.text(MeasureColumns.EST).isPresent() ? ExactSum.add(estimated, value) : estimated;
            }
        }
        NavigableMap<LocalDate, Integer> intervals = Interval.perDay(times, days);
        double[][] sums = new double[2][24];
        int[][] dates = new int[2][24];
        boolean anyHours = false;
        for (Map.Entry<LocalDateTime, long[]> hour : hours.entrySet()) {
            LocalDateTime start = hour.getKey();
            int interval = intervals.getOrDefault(start.toLocalDate(), Interval.UNKNOWN);
            if (interval == Interval.UNKNOWN || interval > HOUR) {
                continue;
            }
            anyHours = true;
            long seconds = start.plusHours(1).atZone(zone).toEpochSecond() - start.atZone(zone).toEpochSecond();
            if (hour.getValue()[1] * interval != seconds) {
                continue;
            }
            DayOfWeek weekday = start.getDayOfWeek();
            int weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 1 : 0;
            sums[weekend][start.getHour()] += ExactSum.value(hour.getValue()[0]) / (seconds / (double) HOUR);
            dates[weekend][start.getHour()]++;
        }
        if (!anyHours) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("weekdayProfile", profile(sums[0], dates[0]));
        fields.put("weekendProfile", profile(sums[1], dates[1]));
        return Optional.of(EstimatedShare.onto(fields, EstimatedShare.of(estimated, units)));
    }

    private static List<Double> profile(double[] sums, int[] dates) {
        List<Double> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(dates[h] == 0 ? null : Decimals.round2(sums[h] / dates[h]));
        }
        return hours;
    }
}

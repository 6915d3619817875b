package org.enma.jobs.ot603;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enma.jobs.common.Decimals;
import org.enma.jobs.common.ExactSum;

/**
 * OT603's formula as plain Java: a contract's typical day in a month, the mean of {@code v} per local hour (the hour
 * of {@code timestamp − 1 s}) over Monday–Friday and over Saturday–Sunday; {@code null} for an hour without data.
 */
public final class LoadProfile implements Serializable {
    /** In nano-units ({@link ExactSum}): the same means whatever order Spark merges partitions in. */
    private final long[][] sums = new long[2][24];
    private final int[][] counts = new int[2][24];

    /** Adds a measure {@code v} that belongs to local time {@code local} (already shifted by the convention). */
    public void add(LocalDateTime local, double v) {
        int weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : 0;
        sums[weekend][local.getHour()] = ExactSum.add(sums[weekend][local.getHour()], ExactSum.units(v));
        counts[weekend][local.getHour()]++;
    }

    /** Adds {@code other}'s sums (another Spark partition's share of the month) into this one and returns this. */
    public LoadProfile merge(LoadProfile other) {
        for (int weekend = 0; weekend < 2; weekend++) {
            for (int h = 0; h < 24; h++) {
                sums[weekend][h] = ExactSum.add(sums[weekend][h], other.sums[weekend][h]);
                counts[weekend][h] += other.counts[weekend][h];
            }
        }
        return this;
    }

    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("weekdayProfile", profile(0));
        fields.put("weekendProfile", profile(1));
        return fields;
    }

    private List<Double> profile(int weekend) {
        List<Double> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(counts[weekend][h] == 0 ? null : Decimals.round2(ExactSum.value(sums[weekend][h]) / counts[weekend][h]));
        }
        return hours;
    }
}

package org.enma.jobs.common;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.enma.schema.Month;

/**
 * One contract's consumption in each of a run's months: {@code C(c, M)} = Σ v of the measures that belong to M by the
 * interval convention, {@code days(c, M)} = the distinct local dates of M with one, and the part of C that estimates
 * make up (Σ v of the measures with {@code m:est}). Measures of other months are
 * ignored, so a reader may hand over a little more than the months. Filled measure by measure, merged across Spark
 * partitions in any order: sums are exact nano-units ({@link ExactSum}), days a bit per day of month.
 */
public final class MonthlyUsage implements Serializable {
    /**
     * The months as {@link #monthNumber}s: a primitive array costs Spark's size estimates of its combine maps next to
     * nothing, where a list of {@code YearMonth}s is an object graph walked on every estimate.
     */
    private final int[] months;
    private final long[] units;
    private final long[] estimatedUnits;
    private final int[] dayMasks;

    public MonthlyUsage(List<Month> months) {
        this.months = months.stream().mapToInt(month -> monthNumber(month.value().getYear(), month.value().getMonthValue())).toArray();
        this.units = new long[months.size()];
        this.estimatedUnits = new long[months.size()];
        this.dayMasks = new int[months.size()];
    }

    /**
     * Adds a measure {@code v} that belongs to local time {@code local}, an estimate or not; false when it is of no
     * month here.
     */
    public boolean add(LocalDateTime local, double v, boolean estimated) {
        int month = indexOf(monthNumber(local.getYear(), local.getMonthValue()));
        if (month < 0) {
            return false;
        }
        long value = ExactSum.units(v);
        units[month] = ExactSum.add(units[month], value);
        if (estimated) {
            estimatedUnits[month] = ExactSum.add(estimatedUnits[month], value);
        }
        dayMasks[month] |= 1 << local.getDayOfMonth();
        return true;
    }

    /** Adds {@code other}'s sums (of the same months) into this one and returns this. */
    public MonthlyUsage merge(MonthlyUsage other) {
        for (int m = 0; m < units.length; m++) {
            units[m] = ExactSum.add(units[m], other.units[m]);
            estimatedUnits[m] = ExactSum.add(estimatedUnits[m], other.estimatedUnits[m]);
            dayMasks[m] |= other.dayMasks[m];
        }
        return this;
    }

    /** Whether the contract has no measure in any of the months. */
    public boolean isEmpty() {
        for (int mask : dayMasks) {
            if (mask != 0) {
                return false;
            }
        }
        return true;
    }

    /** The usage of {@code month}, when the contract has a measure in it. */
    public Optional<Usage> of(Month month) {
        int m = indexOf(monthNumber(month.value().getYear(), month.value().getMonthValue()));
        return m < 0 || dayMasks[m] == 0 ? Optional.empty() : Optional.of(new Usage(units[m], dayMasks[m],
                estimatedUnits[m]));
    }

    /** Months since year 0: one int per month, in calendar order. */
    private static int monthNumber(int year, int month) {
        return year * 12 + month - 1;
    }

    private int indexOf(int monthNumber) {
        for (int m = 0; m < months.length; m++) {
            if (months[m] == monthNumber) {
                return m;
            }
        }
        return -1;
    }
}

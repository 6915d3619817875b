package org.enma.jobs.common;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A contract's (or weather station's) values summed per local date: the daily consumption of OT503 and OT701, or the
 * daily mean temperature of a station. Filled measure by measure inside a Spark partition, merged across them.
 * Dates are kept as offsets into two primitive arrays, not as a map of dates: a year of a thousand contracts is 365 k
 * entries per partition, and they travel through Spark's shuffle — arrays serialize in a fraction of the time. Sums
 * are exact in any order ({@link ExactSum}): partitions are merged in whatever order Spark hands them over.
 */
public final class DailySums implements Serializable {
    private static final int INITIAL_DAYS = 32;

    private long firstDay;
    private long[] sums = new long[0];
    private int[] counts = new int[0];
    /** Of all the values added, the part that estimates make up (nano-units): for {@link #estimatedShare}. */
    private long units;
    private long estimatedUnits;

    public void add(LocalDate date, double v) {
        add(date, v, false);
    }

    /** Adds a value, an estimate ({@code m:est}) or not. */
    public void add(LocalDate date, double v, boolean estimated) {
        long value = ExactSum.units(v);
        add(date.toEpochDay(), value, 1);
        units = ExactSum.add(units, value);
        if (estimated) {
            estimatedUnits = ExactSum.add(estimatedUnits, value);
        }
    }

    /** The share of the values added that estimates make up (docs/analytics.md § Analytics and estimates). */
    public double estimatedShare() {
        return EstimatedShare.of(estimatedUnits, units);
    }

    private void add(long epochDay, long units, int count) {
        int i = slot(epochDay);
        sums[i] = ExactSum.add(sums[i], units);
        counts[i] += count;
    }

    /** The index of {@code epochDay}, growing the arrays at either end when it lies outside them. */
    private int slot(long epochDay) {
        if (counts.length == 0) {
            firstDay = epochDay;
            sums = new long[INITIAL_DAYS];
            counts = new int[INITIAL_DAYS];
        } else if (epochDay < firstDay) {
            int shift = (int) Math.max(firstDay - epochDay, counts.length);
            long[] grownSums = new long[sums.length + shift];
            System.arraycopy(sums, 0, grownSums, shift, sums.length);
            int[] grownCounts = new int[counts.length + shift];
            System.arraycopy(counts, 0, grownCounts, shift, counts.length);
            sums = grownSums;
            counts = grownCounts;
            firstDay -= shift;
        } else if (epochDay - firstDay >= counts.length) {
            int length = (int) Math.max(epochDay - firstDay + 1, 2L * counts.length);
            sums = Arrays.copyOf(sums, length);
            counts = Arrays.copyOf(counts, length);
        }
        return (int) (epochDay - firstDay);
    }

    /** Adds {@code other}'s values into this one and returns this. */
    public DailySums merge(DailySums other) {
        units = ExactSum.add(units, other.units);
        estimatedUnits = ExactSum.add(estimatedUnits, other.estimatedUnits);
        for (int i = 0; i < other.counts.length; i++) {
            if (other.counts[i] > 0) {
                add(other.firstDay + i, other.sums[i], other.counts[i]);
            }
        }
        return this;
    }

    /** The sum of each date with a value, in date order. */
    public SortedMap<LocalDate, Double> sums() {
        SortedMap<LocalDate, Double> byDate = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                byDate.put(LocalDate.ofEpochDay(firstDay + i), ExactSum.value(sums[i]));
            }
        }
        return byDate;
    }

    /** The mean of each date with a value, in date order. */
    public SortedMap<LocalDate, Double> means() {
        SortedMap<LocalDate, Double> byDate = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                byDate.put(LocalDate.ofEpochDay(firstDay + i), ExactSum.value(sums[i]) / counts[i]);
            }
        }
        return byDate;
    }
}

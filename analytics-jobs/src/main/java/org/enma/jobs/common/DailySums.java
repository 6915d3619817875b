package org.enma.jobs.common;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A contract's (or weather station's) values summed per local date: the daily consumption of OT503 and OT701, or the
 * daily mean temperature of a station. Filled measure by measure inside a Spark partition, merged across them.
 */
public final class DailySums implements Serializable {
    private final Map<LocalDate, double[]> days = new HashMap<>();

    public void add(LocalDate date, double v) {
        double[] sumAndCount = days.computeIfAbsent(date, d -> new double[2]);
        sumAndCount[0] += v;
        sumAndCount[1]++;
    }

    /** Adds {@code other}'s values into this one and returns this. */
    public DailySums merge(DailySums other) {
        other.days.forEach((date, theirs) -> {
            double[] mine = days.computeIfAbsent(date, d -> new double[2]);
            mine[0] += theirs[0];
            mine[1] += theirs[1];
        });
        return this;
    }

    /** The sum of each date with a value, in date order. */
    public SortedMap<LocalDate, Double> sums() {
        SortedMap<LocalDate, Double> sums = new TreeMap<>();
        days.forEach((date, sumAndCount) -> sums.put(date, sumAndCount[0]));
        return sums;
    }

    /** The mean of each date with a value, in date order. */
    public SortedMap<LocalDate, Double> means() {
        SortedMap<LocalDate, Double> means = new TreeMap<>();
        days.forEach((date, sumAndCount) -> means.put(date, sumAndCount[0] / sumAndCount[1]));
        return means;
    }
}

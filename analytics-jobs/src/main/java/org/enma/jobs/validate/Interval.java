package org.enma.jobs.validate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.enma.schema.LocalClock;

/**
 * A contract's interval per local day (docs/analytics.md § Validation and estimation; OT603 reads it too): the most frequent difference
 * between consecutive reading timestamps among 15 minutes, 30 minutes, an hour and a day, over the day and the days
 * before and after, a tie taking the shorter; a day that cannot tell takes the last known interval, else 0.
 */
public final class Interval {
    public static final int DAY = 86_400;
    public static final int UNKNOWN = 0;
    private static final int[] CANDIDATES = {900, 1800, 3600, DAY};

    private Interval() {
    }

    /**
     * The interval of each local day from the first reading's to the last's: {@code timestamps} ascending, {@code
     * days[i]} the local day {@code timestamps[i]} belongs to.
     */
    public static NavigableMap<LocalDate, Integer> perDay(long[] timestamps, LocalDate[] days) {
        // per day, how many consecutive differences (the later reading's day) are each candidate
        Map<LocalDate, int[]> counts = new HashMap<>();
        LocalDate counted = null;
        int[] dayCounts = null;
        for (int i = 1; i < timestamps.length; i++) {
            int candidate = candidate(timestamps[i] - timestamps[i - 1]);
            if (candidate < 0) {
                continue;
            }
            if (!days[i].equals(counted)) {
                counted = days[i];
                dayCounts = counts.computeIfAbsent(counted, d -> new int[CANDIDATES.length]);
            }
            dayCounts[candidate]++;
        }
        NavigableMap<LocalDate, Integer> intervals = new TreeMap<>();
        if (timestamps.length == 0) {
            return intervals;
        }
        int last = UNKNOWN;
        for (LocalDate day = days[0]; !day.isAfter(days[days.length - 1]); day = day.plusDays(1)) {
            int[] around = new int[CANDIDATES.length];
            for (LocalDate d : List.of(day.minusDays(1), day, day.plusDays(1))) {
                int[] c = counts.get(d);
                for (int k = 0; c != null && k < c.length; k++) {
                    around[k] += c[k];
                }
            }
            int best = -1;
            for (int k = 0; k < around.length; k++) {
                if (around[k] > 0 && (best < 0 || around[k] > around[best])) {
                    best = k;
                }
            }
            last = best < 0 ? last : CANDIDATES[best];
            intervals.put(day, last);
        }
        return intervals;
    }

    /** The interval {@code difference} seconds is, or {@link #UNKNOWN} when it is none of them. */
    static int of(long difference) {
        int k = candidate(difference);
        return k < 0 ? UNKNOWN : CANDIDATES[k];
    }

    private static int candidate(long difference) {
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (difference == CANDIDATES[k]) {
                return k;
            }
        }
        return -1;
    }

    /** How many intervals of {@code interval} seconds local day {@code day} has: 92 or 100 at 15 minutes on DST days. */
    public static int expected(LocalDate day, int interval, ZoneId zone) {
        if (interval == UNKNOWN) {
            return 0;
        }
        if (interval == DAY) {
            return 1;
        }
        long seconds = day.plusDays(1).atStartOfDay(zone).toEpochSecond() - day.atStartOfDay(zone).toEpochSecond();
        return (int) (seconds / interval);
    }

    /** Whether a reading stamped {@code timestamp} lies on {@code interval}'s local grid (any time when unknown). */
    static boolean onGrid(long timestamp, int interval, LocalClock clock) {
        if (interval == UNKNOWN) {
            return true;
        }
        int secondOfDay = clock.secondOfDay(timestamp);
        return interval == DAY ? secondOfDay == 0 : secondOfDay % interval == 0;
    }
}

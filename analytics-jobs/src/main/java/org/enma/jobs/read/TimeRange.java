package org.enma.jobs.read;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.enma.schema.Month;

/**
 * The measure timestamps a job reads, {@code [fromSecond, toSecond)} in epoch seconds. Built from months by the
 * interval convention: a measure belongs to the local time of {@code timestamp − 1 s}, so month M is read from its
 * first local midnight + 1 s up to and including the next month's first midnight.
 */
public record TimeRange(long fromSecond, long toSecond) implements Serializable {
    public TimeRange {
        if (toSecond < fromSecond) {
            throw new IllegalArgumentException("time range ends (" + toSecond + ") before it starts (" + fromSecond + ")");
        }
    }

    /** The measures that belong to the months {@code first} … {@code last} in {@code zone}. */
    public static TimeRange ofMonths(Month first, Month last, ZoneId zone) {
        long from = first.value().atDay(1).atStartOfDay(zone).toEpochSecond();
        long to = last.value().plusMonths(1).atDay(1).atStartOfDay(zone).toEpochSecond();
        return new TimeRange(from + 1, to + 1);
    }

    public static TimeRange ofMonth(Month month, ZoneId zone) {
        return ofMonths(month, month, zone);
    }

    /** The fewest ranges that cover {@code months}: consecutive months share one range (one scan per bucket). */
    public static List<TimeRange> covering(Collection<Month> months, ZoneId zone) {
        List<Month> sorted = new ArrayList<>(new TreeSet<>(months));
        List<TimeRange> ranges = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !sorted.get(i).equals(sorted.get(i - 1).plusMonths(1))) {
                ranges.add(ofMonths(sorted.get(first), sorted.get(i - 1), zone));
                first = i;
            }
        }
        return ranges;
    }

    public boolean contains(long epochSecond) {
        return epochSecond >= fromSecond && epochSecond < toSecond;
    }
}

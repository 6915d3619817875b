package org.enma.jobs.validate;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The spike rule's history of a contract (docs/analytics.md § Validation and estimation): the median of its actual
 * measures of one interval over the 28 days before a day. Days are asked in time order, so the values are kept sorted
 * in a window that slides on by the days it passes — sorting four weeks of values for every day was a sixth of
 * validation's time. A reading's standing (actual or not) is settled before the window reaches it: its own day is
 * judged first.
 */
final class SpikeHistory {
    private final Reading[] readings;
    private final int[] intervals;
    private double[] window = new double[1024];
    private int size;
    /** The window holds the values of readings [first, next) that count. */
    private int first;
    private int next;
    private int interval = Interval.UNKNOWN;

    /** {@code intervals[i]}: the interval of reading {@code i}'s day. */
    SpikeHistory(Reading[] readings, int[] intervals) {
        this.readings = readings;
        this.intervals = intervals;
    }

    /** The median of the actual measures of {@code interval} in the 28 days before {@code day}; null below 96. */
    Double medianBefore(LocalDate day, int interval) {
        if (interval == Interval.UNKNOWN) {
            return null;
        }
        if (interval != this.interval) {
            this.interval = interval;
            size = 0;
            next = first;
        }
        LocalDate start = day.minusDays(ContractCheck.HISTORY_DAYS);
        for (; first < readings.length && readings[first].day.isBefore(start); first++) {
            if (first < next && counts(first)) {
                remove(readings[first].value.doubleValue());
            }
        }
        for (next = Math.max(next, first); next < readings.length && readings[next].day.isBefore(day); next++) {
            if (counts(next)) {
                insert(readings[next].value.doubleValue());
            }
        }
        if (size < ContractCheck.HISTORY_MEASURES) {
            return null;
        }
        return size % 2 == 1 ? window[size / 2] : (window[size / 2 - 1] + window[size / 2]) / 2;
    }

    private boolean counts(int i) {
        return intervals[i] == interval && readings[i].actual();
    }

    private void insert(double v) {
        if (size == window.length) {
            window = Arrays.copyOf(window, size * 2);
        }
        int at = Arrays.binarySearch(window, 0, size, v);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(window, at, window, at + 1, size - at);
        window[at] = v;
        size++;
    }

    private void remove(double v) {
        int at = Arrays.binarySearch(window, 0, size, v);
        System.arraycopy(window, at + 1, window, at, size - at - 1);
        size--;
    }
}

package org.enma.jobs.common;

import java.io.Serializable;

/**
 * One contract's consumption in one month so far: {@code C(c, M)} and the local dates of M that have a measure, as a
 * bit per day of month (bit d for day d), so that partial sums from different Spark partitions merge exactly.
 */
public record Usage(double consumption, int dayMask) implements Serializable {
    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(double v, int dayOfMonth) {
        return new Usage(consumption + v, dayMask | 1 << dayOfMonth);
    }

    public Usage plus(Usage other) {
        return new Usage(consumption + other.consumption, dayMask | other.dayMask);
    }

    /** {@code days(c, M)}: distinct local dates with at least one measure. */
    public int days() {
        return Integer.bitCount(dayMask);
    }
}

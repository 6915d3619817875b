package org.enma.jobs.common;

import java.io.Serializable;

/**
 * One contract's consumption in one month: {@code C(c, M)} and the local dates of M that have a measure, as a bit per
 * day of month (bit d for day d).
 */
public record Usage(double consumption, int dayMask) implements Serializable {
    /** {@code days(c, M)}: distinct local dates with at least one measure. */
    public int days() {
        return Integer.bitCount(dayMask);
    }
}

package org.enma.jobs.common;

import java.io.Serializable;

/**
 * One contract's consumption in one month: {@code C(c, M)} in exact nano-units ({@link ExactSum}), the local dates of M
 * that have a measure, as a bit per day of month (bit d for day d), and the nano-units of C that are estimates.
 */
public record Usage(long units, int dayMask, long estimatedUnits) implements Serializable {
    /** {@code C(c, M)}. */
    public double consumption() {
        return ExactSum.value(units);
    }

    /** {@code days(c, M)}: distinct local dates with at least one measure. */
    public int days() {
        return Integer.bitCount(dayMask);
    }
}

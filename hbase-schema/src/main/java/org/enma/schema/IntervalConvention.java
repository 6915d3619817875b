package org.enma.schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * docs/analytics.md: a measure's timestamp marks the END of its interval, so a measure belongs to the local date and hour
 * of {@code timestamp − 1 s}. A reading stamped 2013-08-01T00:00 belongs to 2013-07-31, hour 23.
 */
public final class IntervalConvention {
    private IntervalConvention() {
    }

    public static LocalDateTime localTimeOf(long epochSecond, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond - 1), zone);
    }
}

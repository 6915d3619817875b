package org.enma.jobs.common;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.enma.schema.IntervalConvention;

/**
 * The local hour a measure belongs to by the interval convention, for measures handed over in time order (each
 * timestamp for many contracts): computed once per quarter hour of UTC and reused, because local dates and hours change
 * only at whole quarter hours (zone offsets are whole quarter hours). Converting every one of millions of timestamps
 * through the zone rules costs more than the rest of a monthly sum.
 */
public final class LocalHours implements Serializable {
    private static final long QUARTER_HOUR = 900;

    private final ZoneId zone;
    private transient long lastQuarter = Long.MIN_VALUE;
    private transient LocalDateTime lastHour;

    public LocalHours(ZoneId zone) {
        this.zone = zone;
    }

    /** The local date and hour (minutes and seconds cleared) of {@code epochSecond − 1 s}. */
    public LocalDateTime of(long epochSecond) {
        long quarter = Math.floorDiv(epochSecond - 1, QUARTER_HOUR);
        if (quarter != lastQuarter || lastHour == null) {
            lastHour = IntervalConvention.localTimeOf(epochSecond, zone).truncatedTo(ChronoUnit.HOURS);
            lastQuarter = quarter;
        }
        return lastHour;
    }
}

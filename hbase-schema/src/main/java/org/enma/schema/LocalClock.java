package org.enma.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * {@link IntervalConvention} for a long run of timestamps in ascending order, as a contract's series is walked: the
 * zone's offset is looked up once between two of its transitions and a day's date made once, where a
 * {@code LocalDateTime} a timestamp made validation spend a fifth of its time on dates. Not thread-safe: one a walk.
 */
public final class LocalClock {
    private static final int DAY = 86_400;
    private final ZoneRules rules;
    /** The instants [from, until) share {@link #offset}. */
    private long from = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;
    private int offset;
    private long epochDay = Long.MIN_VALUE;
    private LocalDate day;

    public LocalClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The local date a measure stamped {@code timestamp} (the end of its interval) belongs to. */
    public LocalDate dayOf(long timestamp) {
        long d = Math.floorDiv(local(timestamp - 1), DAY);
        if (d != epochDay) {
            epochDay = d;
            day = LocalDate.ofEpochDay(d);
        }
        return day;
    }

    /** The local wall-clock second of the day (0 at midnight) at instant {@code epochSecond}. */
    public int secondOfDay(long epochSecond) {
        return (int) Math.floorMod(local(epochSecond), DAY);
    }

    private long local(long epochSecond) {
        if (epochSecond < from || epochSecond >= until) {
            Instant at = Instant.ofEpochSecond(epochSecond);
            offset = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition next = rules.nextTransition(at);
            from = epochSecond;
            until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return epochSecond + offset;
    }
}

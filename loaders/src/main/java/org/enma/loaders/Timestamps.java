package org.enma.loaders;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads upload timestamps: epoch seconds, ISO-8601 with an offset ({@code 2013-07-01T01:00:00Z},
 * {@code 2013-07-01T03:00:00+02:00}), or a local date-time without offset ({@code 2013-07-01 01:00:00} or
 * {@code 2013-07-01T01:00:00}) read in the deployment's time zone. A local time that does not exist in that zone (the
 * hour skipped when clocks go forward) is refused; one that exists twice takes the earlier instant.
 */
final class Timestamps {
    /** A meter's clock may run ahead a little; a day ahead is a wrong year or a wrong unit. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private final ZoneId zone;
    private final Clock clock;

    Timestamps(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** Epoch seconds of {@code text}, checked to lie between 1970 and one day from now. */
    long parse(String column, String text) throws RowRejected {
        Instant instant = instant(column, text);
        if (instant.getNano() != 0) {
            throw new RowRejected(column + " \"" + text + "\" has a fraction of a second; ENMA stores whole seconds");
        }
        if (instant.getEpochSecond() < 0) {
            throw new RowRejected(column + " \"" + text + "\" is before 1970");
        }
        if (instant.isAfter(clock.instant().plus(MAX_AHEAD))) {
            throw new RowRejected(column + " \"" + text + "\" is more than one day in the future");
        }
        return instant.getEpochSecond();
    }

    /** The instant of {@code text}, with no range check (contract end dates may lie years ahead). */
    Instant instant(String column, String text) throws RowRejected {
        if (text.matches("-?[0-9]{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // a local date-time, read below
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text, LOCAL);
            ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
            if (!zoned.toLocalDateTime().equals(local)) {
                throw new RowRejected(column + " \"" + text + "\" does not exist in time zone " + zone
                        + " (clocks skip it)");
            }
            return zoned.toInstant();
        } catch (DateTimeException e) {
            throw new RowRejected(column + " \"" + text + "\" is not a timestamp (use epoch seconds,"
                    + " 2013-07-01T01:00:00Z, 2013-07-01T03:00:00+02:00 or 2013-07-01 01:00:00)");
        }
    }
}

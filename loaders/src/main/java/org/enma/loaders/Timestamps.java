package org.enma.loaders;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads upload timestamps: epoch seconds, ISO-8601 with an offset ({@code 2013-07-01T01:00:00Z},
 * {@code 2013-07-01T03:00:00+02:00}), or a local date-time without offset ({@code 2013-07-01 01:00:00} or
 * {@code 2013-07-01T01:00:00}) read in the deployment's time zone. A local time that does not exist in that zone (the
 * hour skipped when clocks go forward) is refused; one that exists twice takes the earlier instant.
 */
final class Timestamps {
    /** A meter's clock may run ahead a little; a day ahead is a wrong year or a wrong unit. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);
    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?[0-9]{1,12}");
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
        Instant utc = utcFastPath(text);
        if (utc != null) {
            return utc;
        }
        if (EPOCH_SECONDS.matcher(text).matches()) {
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

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, the form meter exports use most, read without a formatter (a third of the cost
     * of a load row otherwise); {@code null} for every other form, or a field out of range, left to the full parser.
     */
    static Instant utcFastPath(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L
                + minute * 60L + second);
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

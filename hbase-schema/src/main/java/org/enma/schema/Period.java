package org.enma.schema;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar periods of the period tables, each its own column family (docs/data-model.md § Period tables): where a
 * local date-time's period starts. A row of a period table holds family {@code X} only where its time is the start
 * of an {@code X} period.
 */
public enum Period {
    HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

    private static final Period[] ALL = values();

    /** The family's name, kept for {@link #ofFamily}. */
    private final byte[] familyName;

    Period() {
        familyName = Family.valueOf(name()).bytes();
    }

    /** The start of the period that holds the local date-time {@code local}. */
    public LocalDateTime startOf(LocalDateTime local) {
        LocalDateTime day = local.truncatedTo(ChronoUnit.DAYS);
        return switch (this) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((local.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** Whether {@code local} is the start of a period of this kind. */
    public boolean startsAt(LocalDateTime local) {
        return startOf(local).equals(local);
    }

    /** The start of the next period after the one starting at {@code start}. */
    public LocalDateTime next(LocalDateTime start) {
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** This period's column family. */
    public Family family() {
        return Family.valueOf(name());
    }

    /**
     * The period whose family the bytes {@code [offset, offset + length)} of {@code array} name (a cell's family as
     * HBase hands it, uncopied), or null when they name none: readers of millions of cells ask it per cell.
     */
    public static Period ofFamily(byte[] array, int offset, int length) {
        for (Period period : ALL) {
            byte[] name = period.familyName;
            if (Arrays.equals(array, offset, offset + length, name, 0, name.length)) {
                return period;
            }
        }
        return null;
    }
}

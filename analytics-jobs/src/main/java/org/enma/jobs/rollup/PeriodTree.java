package org.enma.jobs.rollup;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.Period;

/**
 * Writes the periods of one contract, or of the company total, that contain some days: their {@code HOUR} and
 * {@code DAY} rows from the figures given (computed from raw rows), {@code WEEK} and {@code MONTH} from the days as
 * stored, {@code QUARTER} from the months, {@code YEAR} from the quarters — a year is never summed from a year of raw
 * rows. Rows are read first and only what changes is written.
 */
final class PeriodTree {
    /** For company totals: how many contracts have a row of a period (a distinct count no sum of parts gives). */
    interface ContractCount {
        long of(Period period, LocalDateTime start);
    }

    private PeriodTree() {
    }

    /**
     * {@code hours} and {@code days}: the new figures of those periods, exact — a day without a measure left has
     * empty figures, and a stored hour of the days absent from {@code hours} is gone: their rows are removed, and so
     * are those of the periods above left empty. {@code count} is null for a contract. The starts of the rows written.
     */
    static Set<LocalDateTime> write(Table table, PeriodCells out, String owner,
                                    NavigableMap<LocalDateTime, PeriodFigures> hours,
                                    NavigableMap<LocalDateTime, PeriodFigures> days, ContractCount count)
            throws IOException {
        boolean total = count != null;
        LocalDateTime firstDay = days.firstKey();
        LocalDateTime lastDay = days.lastKey();
        LocalDateTime from = min(Period.WEEK.startOf(firstDay), Period.YEAR.startOf(firstDay));
        LocalDateTime to = max(Period.WEEK.next(Period.WEEK.startOf(lastDay)),
                Period.YEAR.next(Period.YEAR.startOf(lastDay)));
        PeriodRows hourRows = hourRows(table, owner, days.navigableKeySet());
        PeriodRows rows = PeriodRows.read(table, owner, from, to, PeriodRows.above(Period.HOUR));
        Set<LocalDateTime> written = new TreeSet<>();
        for (var hour : hours.entrySet()) {
            if (hourRows.write(out, Period.HOUR, hour.getKey(), hour.getValue().cells(total))) {
                written.add(hour.getKey());
            }
        }
        for (LocalDateTime stale : hourRows.startsWithout(Period.HOUR, hours.keySet())) {
            hourRows.write(out, Period.HOUR, stale, Map.of());
            written.add(stale);
        }
        for (var day : days.entrySet()) {
            if (rows.write(out, Period.DAY, day.getKey(), cellsOf(day.getValue(), total))) {
                written.add(day.getKey());
            }
        }
        rollUp(out, rows, Period.WEEK, Period.DAY, days.keySet(), count, written);
        Set<LocalDateTime> months = rollUp(out, rows, Period.MONTH, Period.DAY, days.keySet(), count, written);
        Set<LocalDateTime> quarters = rollUp(out, rows, Period.QUARTER, Period.MONTH, months, count, written);
        rollUp(out, rows, Period.YEAR, Period.QUARTER, quarters, count, written);
        return written;
    }

    /**
     * Writes each {@code period} containing one of {@code parts} (starts of {@code partPeriod}) as the sum of its
     * stored parts; the starts of the periods written or checked.
     */
    private static Set<LocalDateTime> rollUp(PeriodCells out, PeriodRows rows, Period period, Period partPeriod,
                                             Set<LocalDateTime> parts, ContractCount count,
                                             Set<LocalDateTime> written) throws IOException {
        Set<LocalDateTime> starts = new TreeSet<>();
        parts.forEach(part -> starts.add(period.startOf(part)));
        for (LocalDateTime start : starts) {
            PeriodFigures sum = new PeriodFigures();
            for (PeriodFigures part : rows.figures(partPeriod, start, period.next(start)).values()) {
                sum = sum.merge(part);
            }
            if (count != null) {
                sum = sum.withContracts(count.of(period, start));
            }
            if (rows.write(out, period, start, cellsOf(sum, count != null))) {
                written.add(start);
            }
        }
        return starts;
    }

    /** A period's cells; none when it has no measure left, so that its stored cells are removed. */
    private static Map<String, String> cellsOf(PeriodFigures figures, boolean total) {
        return figures.isEmpty() ? Map.of() : figures.cells(total);
    }

    /**
     * The stored hours of {@code days}, one scan per run of consecutive days: a day corrected a year before the rest
     * costs its own 24 rows, not a year of them.
     */
    private static PeriodRows hourRows(Table table, String owner, NavigableSet<LocalDateTime> days)
            throws IOException {
        PeriodRows rows = PeriodRows.none(owner);
        LocalDateTime runStart = days.first();
        LocalDateTime previous = runStart;
        for (LocalDateTime day : days.tailSet(runStart, false)) {
            if (!day.equals(previous.plusDays(1))) {
                rows.add(table, runStart, previous.plusDays(1), List.of(Period.HOUR));
                runStart = day;
            }
            previous = day;
        }
        rows.add(table, runStart, previous.plusDays(1), List.of(Period.HOUR));
        return rows;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}

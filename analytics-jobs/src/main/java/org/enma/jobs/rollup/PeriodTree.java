package org.enma.jobs.rollup;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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
        PeriodRows hourRows = PeriodRows.none(owner);
        read(table, hourRows, days.keySet(), Period.DAY, Period.DAY, List.of(Period.HOUR));
        // what the periods above are summed from, and no more: the days of the weeks and months touched (and those
        // weeks' rows), the months of their quarters, the quarters of their years (and those years' rows)
        PeriodRows rows = PeriodRows.none(owner);
        read(table, rows, days.keySet(), Period.WEEK, Period.MONTH, List.of(Period.DAY, Period.WEEK));
        read(table, rows, days.keySet(), Period.QUARTER, Period.QUARTER, List.of(Period.MONTH));
        read(table, rows, days.keySet(), Period.YEAR, Period.YEAR, List.of(Period.QUARTER, Period.YEAR));
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
     * Reads into {@code rows} the {@code families} of the spans the {@code a} and {@code b} periods around each of
     * {@code days} cover together, one scan per run of overlapping spans: a day corrected a year before the rest
     * costs its own rows, not a year of them.
     */
    private static void read(Table table, PeriodRows rows, Set<LocalDateTime> days, Period a, Period b,
                             List<Period> families) throws IOException {
        LocalDateTime runStart = null;
        LocalDateTime runEnd = null;
        for (LocalDateTime day : new TreeSet<>(days)) {
            LocalDateTime start = min(a.startOf(day), b.startOf(day));
            LocalDateTime end = max(a.next(a.startOf(day)), b.next(b.startOf(day)));
            if (runEnd != null && start.isAfter(runEnd)) {
                rows.add(table, runStart, runEnd, families);
                runStart = null;
            }
            // spans come in time order (each bound rises with the day): a run starts where its first span does
            if (runStart == null) {
                runStart = start;
            }
            runEnd = runEnd == null || end.isAfter(runEnd) ? end : runEnd;
        }
        if (runEnd != null) {
            rows.add(table, runStart, runEnd, families);
        }
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}

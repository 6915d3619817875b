package org.enma.jobs.rollup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;

/**
 * One contract's (or the company total's) rows of a period table, as stored: read for a span of time and the periods
 * asked for, then changed where new figures differ — only the cells that change are written, so a second run over
 * the same data writes nothing.
 */
final class PeriodRows {
    private final String contractId;
    /** Per period, by start: the stored cells of that family. */
    private final Map<Period, NavigableMap<LocalDateTime, Map<String, String>>> stored = new TreeMap<>();

    private PeriodRows(String contractId) {
        this.contractId = contractId;
        for (Period p : Period.values()) {
            stored.put(p, new TreeMap<>());
        }
    }

    /** No rows yet of {@code contractId}: {@link #add} reads them span by span. */
    static PeriodRows none(String contractId) {
        return new PeriodRows(contractId);
    }

    /** Reads the rows of the span {@code [from, to)} too. */
    void add(Table table, LocalDateTime from, LocalDateTime to, List<Period> periods) throws IOException {
        Scan scan = new Scan().withStartRow(key(contractId, from)).withStopRow(key(contractId, to))
                .setCaching(1000).setCacheBlocks(false);
        periods.forEach(p -> scan.addFamily(p.family().bytes()));
        try (ResultScanner scanner = table.getScanner(scan)) {
            for (Result row : scanner) {
                LocalDateTime start = PeriodKey.startOf(row.getRow());
                // read in place: a rebuild reads back millions of cells
                Period family = null;
                Map<String, String> cells = null;
                for (Cell cell : row.rawCells()) {
                    Period period = Period.ofFamily(cell.getFamilyArray(), cell.getFamilyOffset(),
                            cell.getFamilyLength());
                    if (period != family) {
                        family = period;
                        cells = stored.get(period).computeIfAbsent(start, s -> new TreeMap<>());
                    }
                    cells.put(text(cell.getQualifierArray(), cell.getQualifierOffset(), cell.getQualifierLength()),
                            text(cell.getValueArray(), cell.getValueOffset(), cell.getValueLength()));
                }
            }
        }
    }

    private static String text(byte[] array, int offset, int length) {
        return new String(array, offset, length, StandardCharsets.UTF_8);
    }

    private static byte[] key(String contractId, LocalDateTime start) {
        return new PeriodKey(contractId, start).encode();
    }

    /** The stored figures of the periods of kind {@code period} starting in {@code [from, to)}. */
    NavigableMap<LocalDateTime, PeriodFigures> figures(Period period, LocalDateTime from, LocalDateTime to) {
        NavigableMap<LocalDateTime, PeriodFigures> figures = new TreeMap<>();
        stored.get(period).subMap(from, true, to, false).forEach((start, cells) ->
                figures.put(start, PeriodFigures.ofCells(cells)));
        return figures;
    }

    /**
     * Writes {@code cells} as the family {@code period} of the row starting at {@code start}, where they differ from
     * what is stored: changed and new qualifiers put, vanished ones deleted (all of them for no cells). True when
     * anything was written. {@code cells} is kept as what is stored now: the caller must not change it.
     */
    boolean write(PeriodCells out, Period period, LocalDateTime start, Map<String, String> cells)
            throws IOException {
        Map<String, String> before = stored.get(period).getOrDefault(start, Map.of());
        if (before.equals(cells)) {
            return false;
        }
        Map<String, String> changed = new TreeMap<>();
        cells.forEach((q, v) -> {
            if (!v.equals(before.get(q))) {
                changed.put(q, v);
            }
        });
        List<String> vanished = new ArrayList<>(before.keySet());
        vanished.removeAll(cells.keySet());
        out.write(key(contractId, start), period, changed, vanished);
        if (cells.isEmpty()) {
            stored.get(period).remove(start);
        } else {
            stored.get(period).put(start, cells);
        }
        return true;
    }

    /** The starts of the stored rows of {@code period} that {@code kept} does not hold. */
    List<LocalDateTime> startsWithout(Period period, Set<LocalDateTime> kept) {
        return stored.get(period).keySet().stream().filter(start -> !kept.contains(start)).toList();
    }
}

package org.enma.jobs.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.BinaryComparator;
import org.apache.hadoop.hbase.filter.Filter;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.QualifierFilter;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.enma.schema.Family;
import org.enma.schema.KeyRange;
import org.enma.schema.MeasureColumns;
import org.enma.schema.MeasureKey;

/**
 * Reads the measures of one {@link ScanSlice} within some time ranges, one range scan after the other, streaming: at
 * most one scanner's cache of rows is in memory. The time ranges are pushed into each scan's start and stop rows, so
 * only the rows of those times travel from the region server; a set of ids becomes a row filter the region server
 * applies. A measure with a cell that must be a number and is not is skipped and counted in {@link BadCells}: one bad
 * cell never fails a job. Every reader of measures comes here: the jobs' RDDs ({@link EnmaData#measures}) and the
 * {@code enma} Spark data source.
 */
public final class MeasureScan implements Iterator<Measure>, Closeable {
    /** Rows per scanner RPC: large enough to amortize the round trip, small enough to stay within the RPC timeout. */
    static final int CACHING = 2000;
    /**
     * From this many text cells on, the whole family is read: the region server matches a list of columns cell by
     * cell with seeks, which costs more than sending the one or two cells of a row nobody asked for.
     */
    private static final int WHOLE_FAMILY = 3;
    private static final byte[] M = Family.M.bytes();
    private static final byte[] V = MeasureColumns.V.getBytes(StandardCharsets.UTF_8);
    private static final byte[] VA = MeasureColumns.VA.getBytes(StandardCharsets.UTF_8);

    private final Table table;
    private final List<TimeRange> times;
    private final MeasureFields fields;
    private final byte[][] texts;
    private final BadCells badCells;
    private final Set<String> ids;
    private final Deque<KeyRange> ranges = new ArrayDeque<>();
    private ResultScanner scanner;
    private Measure next;
    private long rowsScanned;

    /**
     * The measures of {@code slice} in {@code times} with the cells {@code fields} asks for; of the ids in {@code ids}
     * only, or of every id when it is empty.
     */
    public MeasureScan(Connection hbase, TableName table, ScanSlice slice, List<TimeRange> times, MeasureFields fields,
                       Set<String> ids, BadCells badCells) throws IOException {
        this.table = hbase.getTable(table);
        this.badCells = badCells;
        this.times = List.copyOf(times);
        this.fields = fields;
        this.ids = Set.copyOf(ids);
        this.texts = fields.texts().stream().map(q -> q.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        for (int bucket : slice.buckets()) {
            for (TimeRange time : times) {
                for (KeyRange range : MeasureKey.scanRanges(bucket, time.fromSecond(), time.toSecond())) {
                    range.within(slice.regionStart(), slice.regionEnd()).ifPresent(ranges::add);
                }
            }
        }
    }

    /**
     * The rows the region servers looked at for this scan so far (HBase's scan metrics), counting the rows its filter
     * turned down: what proves that a pushed-down time range or id list spared the servers the rest of the table.
     */
    public long rowsScanned() {
        return rowsScanned + (scanner == null ? 0 : scanner.getScanMetrics().countOfRowsScanned.get());
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                Result row = scanner == null ? null : scanner.next();
                if (row != null) {
                    next = measureOf(row);
                } else if (!openNextScanner()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + table.getName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Measure next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Measure measure = next;
        next = null;
        return measure;
    }

    private boolean openNextScanner() throws IOException {
        closeScanner();
        KeyRange range = ranges.poll();
        if (range == null) {
            return false;
        }
        Scan scan = new Scan().withStartRow(range.start()).withStopRow(range.stop())
                .setCaching(CACHING).setCacheBlocks(false).setScanMetricsEnabled(true);
        List<Filter> filters = new ArrayList<>();
        if (!ids.isEmpty()) {
            RegexStringComparator idIn = new RegexStringComparator(MeasureKey.idPattern(ids));
            idIn.setCharset(StandardCharsets.UTF_8);
            filters.add(new RowFilter(CompareOperator.EQUAL, idIn));
        }
        if (texts.length >= WHOLE_FAMILY || fields.everyText()) {
            scan.addFamily(M);
        } else if (fields.everyRow()) {
            // Asked columns would drop a row that has none of them (a va-only reading when v is asked): read the
            // family, but send only the asked cells, and a row's first cell so that no row goes missing.
            scan.addFamily(M);
            filters.add(askedCells(true));
        } else if (texts.length > 0) {
            // A second column asked by name (v and est) costs the region server a seek per row, for a cell almost
            // no row has: the family's few cells, filtered, cost less. Measured: OT101 1.50 and 1.52 s this way (the
            // scan 1.18 and 1.02 s) on an A/B stack where the two columns took 10-11 s; bench-jobs, on a stack of its
            // own, had the two columns at 1.21-1.41x the scan, so the A/B's gap is likely larger than the general one.
            scan.addFamily(M);
            filters.add(askedCells(false));
        } else {
            scan.addColumn(M, V);
            if (fields.cumulative()) {
                scan.addColumn(M, VA);
            }
        }
        if (!filters.isEmpty()) {
            scan.setFilter(filters.size() == 1 ? filters.get(0)
                    : new FilterList(FilterList.Operator.MUST_PASS_ALL, filters));
        }
        scanner = table.getScanner(scan);
        return true;
    }

    /**
     * Passes the asked cells of a row and, with {@code orFirst}, its first cell whatever it is; without, a row that has
     * none of them is left out, as asked columns leave it out.
     */
    private FilterList askedCells(boolean orFirst) {
        FilterList cells = new FilterList(FilterList.Operator.MUST_PASS_ONE, asked(V));
        if (orFirst) {
            cells.addFilter(new FirstKeyOnlyFilter());
        }
        if (fields.cumulative()) {
            cells.addFilter(asked(VA));
        }
        for (byte[] qualifier : texts) {
            cells.addFilter(asked(qualifier));
        }
        return cells;
    }

    private static Filter asked(byte[] qualifier) {
        return new QualifierFilter(CompareOperator.EQUAL, new BinaryComparator(qualifier));
    }

    /**
     * The row's measure, or null when its timestamp only sorts inside the range (another digit count) or when a cell
     * that must be a number is not one (the measure is skipped and counted in {@link BadCells}).
     */
    private Measure measureOf(Result row) {
        byte[] key = row.getRow();
        long timestamp = MeasureKey.timestampOf(key);
        if (!ids.isEmpty() && !ids.contains(MeasureKey.idOf(key))) {
            return null;
        }
        for (TimeRange time : times) {
            if (time.contains(timestamp)) {
                try {
                    return new Measure(MeasureKey.idOf(key), timestamp, number(row, V),
                            fields.cumulative() ? number(row, VA) : null, textsOf(row));
                } catch (BadCell bad) {
                    badCells.add(new String(key, StandardCharsets.UTF_8) + " m:" + bad.qualifier);
                    return null;
                }
            }
        }
        return null;
    }

    private Map<String, String> textsOf(Result row) {
        if (fields.everyText()) {
            Map<String, String> cells = new HashMap<>();
            row.getFamilyMap(M).forEach((q, value) -> {
                String qualifier = new String(q, StandardCharsets.UTF_8);
                String text = new String(value, StandardCharsets.UTF_8);
                if (MeasureColumns.isNumber(qualifier)) {
                    parse(qualifier, text);
                }
                cells.put(qualifier, text);
            });
            return cells;
        }
        if (texts.length == 0) {
            return Map.of();
        }
        Map<String, String> cells = new HashMap<>(texts.length * 2);
        for (int i = 0; i < texts.length; i++) {
            byte[] value = row.getValue(M, texts[i]);
            if (value != null) {
                String qualifier = fields.texts().get(i);
                String text = new String(value, StandardCharsets.UTF_8);
                if (MeasureColumns.isNumber(qualifier)) {
                    parse(qualifier, text);
                }
                cells.put(qualifier, text);
            }
        }
        return cells;
    }

    private static Double number(Result row, byte[] qualifier) {
        byte[] value = row.getValue(M, qualifier);
        return value == null ? null : parse(new String(qualifier, StandardCharsets.UTF_8),
                new String(value, StandardCharsets.UTF_8));
    }

    /**
     * A number cell's value: decimal text, an exponent allowed (another tool may write one); NaN, infinities, hex
     * and Java's {@code d}/{@code f} suffixes are not numbers of the data model.
     */
    private static double parse(String qualifier, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new BadCell(qualifier);
            }
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // the same as any other text that is no number
        }
        throw new BadCell(qualifier);
    }

    /** A cell that must be a number and is not: its measure is skipped. Cheap: no stack trace. */
    private static final class BadCell extends RuntimeException {
        final String qualifier;

        BadCell(String qualifier) {
            super(qualifier, null, false, false);
            this.qualifier = qualifier;
        }
    }

    private void closeScanner() {
        if (scanner != null) {
            scanner.close();
            rowsScanned += scanner.getScanMetrics().countOfRowsScanned.get();
            scanner = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeScanner();
        table.close();
    }
}

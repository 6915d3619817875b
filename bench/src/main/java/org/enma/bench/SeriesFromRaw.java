package org.enma.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.Bucket;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.KeyRange;
import org.enma.schema.MeasureKey;
import org.enma.schema.Family;
import org.enma.schema.MeasureColumns;

/**
 * The baseline of scripts/bench-rollup's series: a contract's daily consumption over a span computed from the raw
 * rows, as a portal would without period tables — every bucket's key ranges of the span scanned with the contract's
 * row filter applied by the region servers, {@code v} summed exactly per local day. Each contract once to warm up,
 * then each once more timed; prints {@code days=D ms_p50=… ms_max=…} (days: of the first contract's series).
 * Arguments: company from-date to-date (inclusive, local) contract...
 */
public final class SeriesFromRaw {
    private SeriesFromRaw() {
    }

    public static void main(String[] args) throws Exception {
        CompanyId company = CompanyId.of(args[0]);
        LocalDate from = LocalDate.parse(args[1]);
        LocalDate to = LocalDate.parse(args[2]);
        List<String> contracts = List.of(args).subList(3, args.length);
        EnmaConfig config = EnmaConfig.forProcess(Map.of());
        ZoneId zone = config.timezone();
        Connection hbase = SharedConnections.of(Endpoints.resolve(config, StackLocator.forUser()));
        try (Table table = hbase.getTable(config.tableNames().of(EnmaTable.measuresOf(
                EnmaTable.ELECTRICITY_CONSUMPTION, company)))) {
            long start = from.atStartOfDay(zone).toEpochSecond();
            long end = to.plusDays(1).atStartOfDay(zone).toEpochSecond();
            int days = 0;
            for (String contract : contracts) {
                days = Math.max(days, series(table, contract, start, end, zone).size());
            }
            List<Double> ms = new ArrayList<>();
            for (String contract : contracts) {
                long t0 = System.nanoTime();
                series(table, contract, start, end, zone);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            ms.sort(null);
            System.out.printf("days=%d ms_p50=%.1f ms_max=%.1f%n", days, ms.get(ms.size() / 2), ms.get(ms.size() - 1));
        }
    }

    /** The contract's sum of {@code v} per local day of the measures stamped in {@code (start, end]}. */
    private static Map<LocalDate, BigDecimal> series(Table table, String contract, long start, long end, ZoneId zone)
            throws Exception {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        byte[] family = Family.M.bytes();
        byte[] v = Bytes.toBytes(MeasureColumns.V);
        for (int bucket = 0; bucket < Bucket.COUNT; bucket++) {
            for (KeyRange range : MeasureKey.scanRanges(bucket, start + 1, end + 1)) {
                Scan scan = new Scan().withStartRow(range.start()).withStopRow(range.stop()).addColumn(family, v)
                        .setCaching(1000).setFilter(new RowFilter(CompareOperator.EQUAL,
                                new RegexStringComparator(MeasureKey.idPattern(List.of(contract)))));
                try (ResultScanner scanner = table.getScanner(scan)) {
                    for (Result row : scanner) {
                        long timestamp = MeasureKey.timestampOf(row.getRow());
                        byte[] value = row.getValue(family, v);
                        if (value != null) {
                            // an interval ends at its timestamp: its day is the one its last second falls in
                            LocalDate day = Instant.ofEpochSecond(timestamp - 1).atZone(zone).toLocalDate();
                            days.merge(day, new BigDecimal(new String(value, StandardCharsets.UTF_8)),
                                    BigDecimal::add);
                        }
                    }
                }
            }
        }
        return days;
    }
}

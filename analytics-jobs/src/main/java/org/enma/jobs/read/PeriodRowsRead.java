package org.enma.jobs.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.enma.config.Endpoints;
import org.enma.schema.Period;
import org.enma.schema.PeriodColumns;
import org.enma.schema.PeriodKey;

/**
 * The rows of a period table as Spark values, one per (row, family): {@code contractId} (empty for the company total),
 * {@code period}, {@code start} (a timestamp: the local start in the deployment's zone), {@code v}, {@code n},
 * {@code min}, {@code max}, {@code cost}, {@code np}, {@code ne} (estimates; null when none), and for tou and
 * tertiary tables the per-tariff-period sums {@code p1..pX} — numbers as exact decimals. A salt's rows are read in one Spark partition, a contract's all in one
 * salt.
 */
public final class PeriodRowsRead {
    /** Exact: the codec writes plain decimals, a kWh sum has at most a few decimals, a cost six. */
    static final DataType NUMBER = DataTypes.createDecimalType(38, 10);
    private static final StructField[] FIGURES = {
        DataTypes.createStructField("contractId", DataTypes.StringType, false),
        DataTypes.createStructField("period", DataTypes.StringType, false),
        DataTypes.createStructField("start", DataTypes.TimestampType, false),
        DataTypes.createStructField(PeriodColumns.V, NUMBER, false),
        DataTypes.createStructField(PeriodColumns.N, DataTypes.LongType, false),
        DataTypes.createStructField(PeriodColumns.MIN, NUMBER, true),
        DataTypes.createStructField(PeriodColumns.MAX, NUMBER, true),
        DataTypes.createStructField(PeriodColumns.COST, NUMBER, true),
        DataTypes.createStructField(PeriodColumns.NP, DataTypes.LongType, true),
        DataTypes.createStructField(PeriodColumns.NE, DataTypes.LongType, true)};

    /** The columns of a period table whose consumption table has {@code tariffPeriods} periods: then {@code p1..pX}. */
    public static StructType schema(int tariffPeriods) {
        List<StructField> fields = new ArrayList<>(List.of(FIGURES));
        for (int p = 1; p <= tariffPeriods; p++) {
            fields.add(DataTypes.createStructField(PeriodColumns.period(p), NUMBER, true));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    private PeriodRowsRead() {
    }

    /**
     * The rows of {@code table} under key prefix {@code prefix} (a salt's {@code "<salt>~"}, or a contract's), in
     * families {@code periods} only (all when empty), as values in the order of {@link #schema} of {@code
     * tariffPeriods}. They stream: a salt of a big company holds millions of hourly rows, and at most a scanner's
     * cache of them is in memory.
     */
    public static ValueRows read(Endpoints where, String table, byte[] prefix, Set<Period> periods, int tariffPeriods,
                                 ZoneId zone) throws IOException {
        Scan scan = new Scan().setRowPrefixFilter(prefix).setCaching(MeasureScan.CACHING).setCacheBlocks(false);
        periods.forEach(p -> scan.addFamily(p.family().bytes()));
        Table t = SharedConnections.of(where).getTable(TableName.valueOf(table));
        ResultScanner scanner = t.getScanner(scan);
        Deque<Object[]> ready = new ArrayDeque<>();
        return new ValueRows() {
            @Override
            public boolean hasNext() {
                while (ready.isEmpty()) {
                    Result result;
                    try {
                        result = scanner.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading " + table + " failed: " + e.getMessage(), e);
                    }
                    if (result == null) {
                        return false;
                    }
                    addRows(result, tariffPeriods, zone, ready);
                }
                return true;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            @Override
            public void close() throws IOException {
                scanner.close();
                t.close();
            }
        };
    }

    /** One row per family of a period table row. */
    private static void addRows(Result result, int tariffPeriods, ZoneId zone, Deque<Object[]> rows) {
        PeriodKey key = PeriodKey.decode(result.getRow());
        Timestamp start = Timestamp.from(key.start().atZone(zone).toInstant());
        for (Map.Entry<byte[], NavigableMap<byte[], byte[]>> family : result.getNoVersionMap().entrySet()) {
            Map<byte[], byte[]> cells = family.getValue();
            Object[] row = new Object[FIGURES.length + tariffPeriods];
            row[0] = key.contractId();
            row[1] = Period.valueOf(Bytes.toString(family.getKey())).name();
            row[2] = start;
            row[3] = number(cells, PeriodColumns.V);
            row[4] = count(cells, PeriodColumns.N);
            row[5] = number(cells, PeriodColumns.MIN);
            row[6] = number(cells, PeriodColumns.MAX);
            row[7] = number(cells, PeriodColumns.COST);
            row[8] = count(cells, PeriodColumns.NP);
            row[9] = count(cells, PeriodColumns.NE);
            for (int p = 1; p <= tariffPeriods; p++) {
                row[FIGURES.length + p - 1] = number(cells, PeriodColumns.period(p));
            }
            rows.add(row);
        }
    }

    private static BigDecimal number(Map<byte[], byte[]> cells, String qualifier) {
        byte[] value = cells.get(Bytes.toBytes(qualifier));
        return value == null ? null : new BigDecimal(Bytes.toString(value));
    }

    private static Long count(Map<byte[], byte[]> cells, String qualifier) {
        byte[] value = cells.get(Bytes.toBytes(qualifier));
        return value == null ? null : Long.valueOf(Bytes.toString(value));
    }
}

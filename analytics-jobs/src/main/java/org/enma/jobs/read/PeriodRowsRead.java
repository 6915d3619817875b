package org.enma.jobs.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * {@code min}, {@code max}, {@code cost}, {@code np} — numbers as exact decimals. A salt's rows are read in one Spark
 * partition, a contract's all in one salt.
 */
public final class PeriodRowsRead {
    /** Exact: the codec writes plain decimals, a kWh sum has at most a few decimals, a cost six. */
    static final DataType NUMBER = DataTypes.createDecimalType(38, 10);
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("contractId", DataTypes.StringType, false),
        DataTypes.createStructField("period", DataTypes.StringType, false),
        DataTypes.createStructField("start", DataTypes.TimestampType, false),
        DataTypes.createStructField("v", NUMBER, false),
        DataTypes.createStructField("n", DataTypes.LongType, false),
        DataTypes.createStructField("min", NUMBER, true),
        DataTypes.createStructField("max", NUMBER, true),
        DataTypes.createStructField("cost", NUMBER, true),
        DataTypes.createStructField("np", DataTypes.LongType, true)});

    private PeriodRowsRead() {
    }

    /**
     * The rows of {@code table} under key prefix {@code prefix} (a salt's {@code "<salt>~"}, or a contract's), in
     * families {@code periods} only (all when empty), as values in {@link #SCHEMA}'s order. They stream: a salt of a
     * big company holds millions of hourly rows, and at most a scanner's cache of them is in memory.
     */
    public static ValueRows read(Endpoints where, String table, byte[] prefix, Set<Period> periods, ZoneId zone)
            throws IOException {
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
                    addRows(result, zone, ready);
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
    private static void addRows(Result result, ZoneId zone, Deque<Object[]> rows) {
        PeriodKey key = PeriodKey.decode(result.getRow());
        Timestamp start = Timestamp.from(key.start().atZone(zone).toInstant());
        for (Map.Entry<byte[], NavigableMap<byte[], byte[]>> family : result.getNoVersionMap().entrySet()) {
            Map<byte[], byte[]> cells = family.getValue();
            rows.add(new Object[] {key.contractId(), Period.valueOf(Bytes.toString(family.getKey())).name(),
                start, number(cells, PeriodColumns.V), count(cells, PeriodColumns.N),
                number(cells, PeriodColumns.MIN), number(cells, PeriodColumns.MAX),
                number(cells, PeriodColumns.COST), count(cells, PeriodColumns.NP)});
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

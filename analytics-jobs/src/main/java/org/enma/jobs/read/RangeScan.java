package org.enma.jobs.read;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.Filter;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.enma.config.Endpoints;
import org.enma.schema.Family;
import org.enma.schema.KeyRange;

/**
 * A key range of a table read as Spark data: one partition per region the range overlaps, each scanning its part with
 * only the columns asked for, streaming — a company's rows of a company-keyed table ({@code customers}, {@code
 * stations}, {@code tariffs}: every key starts with {@code <companyId>~}), or a result mirror. What a job joins on
 * its executors instead of reading the table on the driver: a customers table of millions of contracts is gigabytes.
 */
public final class RangeScan {
    /** One partition's part of the range, and the host of the region server holding it. */
    public record Slice(byte[] start, byte[] stop, String host) implements Serializable {
        public Slice {
            start = start.clone();
            stop = stop.clone();
        }
    }

    /** A column to read: family and qualifier. */
    public record Column(byte[] family, byte[] qualifier) implements Serializable {
        public static Column of(Family family, String qualifier) {
            return new Column(family.bytes(), qualifier.getBytes(StandardCharsets.UTF_8));
        }
    }

    private RangeScan() {
    }

    /** The parts of {@code range}, one per region of {@code table} that holds some of it. */
    public static List<Slice> slices(Connection hbase, TableName table, KeyRange range) throws IOException {
        List<Slice> slices = new ArrayList<>();
        for (HRegionLocation location : Slices.servingRegions(hbase, table)) {
            RegionInfo region = location.getRegion();
            range.within(region.getStartKey(), region.getEndKey()).ifPresent(part -> slices.add(new Slice(
                    part.start(), part.stop(), Slices.hostOf(location))));
        }
        return slices;
    }

    /** The rows of {@code range} of {@code table} with {@code columns} (all of each row when empty). */
    public static JavaRDD<CompanyRows.Row> rows(SparkContext spark, Endpoints where, TableName table,
                                                KeyRange range, List<Column> columns) throws IOException {
        String name = table.getNameAsString();
        List<Column> asked = List.copyOf(columns);
        return Slices.of(spark, slices(SharedConnections.of(where), table, range), Slice::host, Slice.class)
                .mapPartitions(slices -> {
                    Slice slice = slices.next();
                    return read(SharedConnections.of(where), TableName.valueOf(name), slice, asked, null);
                });
    }

    /**
     * The rows of one slice with {@code columns} (all when empty) that pass {@code filter} (none: null), streaming:
     * at most one scanner cache of them in memory; closed when the task ends.
     */
    public static Iterator<CompanyRows.Row> read(Connection hbase, TableName table, Slice slice, List<Column> columns,
                                                 Filter filter) throws IOException {
        Scan scan = new Scan().withStartRow(slice.start()).withStopRow(slice.stop())
                .setCaching(MeasureScan.CACHING).setCacheBlocks(false).setFilter(filter);
        columns.forEach(c -> scan.addColumn(c.family(), c.qualifier()));
        Table t = hbase.getTable(table);
        ResultScanner scanner = t.getScanner(scan);
        Slices.closeWhenTaskEnds(() -> {
            scanner.close();
            t.close();
        });
        return MappedIterator.of(scanner.iterator(), CompanyRows::rowOf);
    }

    /** Cells by qualifier name, any family. */
    static Map<String, String> cellsOf(Result result) {
        Map<String, String> cells = new HashMap<>();
        for (NavigableMap<byte[], byte[]> family : result.getNoVersionMap().values()) {
            family.forEach((q, v) -> cells.put(new String(q, StandardCharsets.UTF_8),
                    new String(v, StandardCharsets.UTF_8)));
        }
        return cells;
    }
}

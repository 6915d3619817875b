package org.enma.loaders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellComparator;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.io.hfile.CacheConfig;
import org.apache.hadoop.hbase.io.hfile.HFileContextBuilder;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The bulk path: rows are collected in batches of about {@value #BATCH_BYTES} bytes, each batch is sorted and written
 * as HFiles, one per region and family (what HFileOutputFormat2 writes), and at the end HBase's BulkLoadHFiles moves
 * them into the table. Memory stays bounded by one batch. Cells carry the load's start time plus the batch number as
 * their timestamp, so a later duplicate (later batch, or later in its batch) wins as on the Put path.
 */
final class HFileSink implements CellSink {
    static final long BATCH_BYTES = 128L << 20;

    private final long batchLimit;
    private final TableName table;
    private final Map<String, ColumnFamilyDescriptor> families = new HashMap<>();
    private final Configuration conf;
    private final FileSystem fs;
    private final Path dir;
    private final byte[][] regionStarts;
    private final long baseTimestamp = System.currentTimeMillis();
    private final List<Cell> batch = new ArrayList<>();
    private long batchBytes;
    private int batchNumber;

    HFileSink(Connection connection, TableName table, String stagingRoot) throws IOException {
        this(connection, table, stagingRoot, BATCH_BYTES);
    }

    /** {@code batchLimit}: bytes of cells per sorted batch (tests use tiny batches to cross batch boundaries). */
    HFileSink(Connection connection, TableName table, String stagingRoot, long batchLimit) throws IOException {
        this.batchLimit = batchLimit;
        this.table = table;
        try (Admin admin = connection.getAdmin()) {
            for (ColumnFamilyDescriptor family : admin.getDescriptor(table).getColumnFamilies()) {
                families.put(family.getNameAsString(), family);
            }
        }
        this.conf = connection.getConfiguration();
        this.dir = new Path(stagingRoot, "enma-bulk-" + UUID.randomUUID());
        this.fs = dir.getFileSystem(conf);
        try (RegionLocator locator = connection.getRegionLocator(table)) {
            this.regionStarts = locator.getStartKeys();
        }
        Arrays.sort(regionStarts, Bytes.BYTES_COMPARATOR);
    }

    @Override
    public void write(Put put, boolean duplicateKey) throws IOException {
        long timestamp = baseTimestamp + batchNumber;
        for (List<Cell> cells : put.getFamilyCellMap().values()) {
            for (Cell c : cells) {
                KeyValue kv = new KeyValue(CellUtil.cloneRow(c), CellUtil.cloneFamily(c), CellUtil.cloneQualifier(c),
                        timestamp, CellUtil.cloneValue(c));
                batch.add(kv);
                batchBytes += kv.heapSize();
            }
        }
        if (batchBytes >= batchLimit) {
            writeBatch();
        }
    }

    /** Sorts the batch (stable: equal cells keep their upload order), keeps the last of equal cells, writes HFiles. */
    private void writeBatch() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        batch.sort(CellComparator.getInstance());
        Map<String, StoreFileWriter> writers = new HashMap<>();
        int region = -1;
        for (int i = 0; i < batch.size(); i++) {
            Cell cell = batch.get(i);
            if (i + 1 < batch.size() && CellUtil.matchingRowColumn(cell, batch.get(i + 1))) {
                continue;
            }
            int cellRegion = regionOf(CellUtil.cloneRow(cell));
            if (cellRegion != region) {
                closeAll(writers);
                region = cellRegion;
            }
            String family = Bytes.toString(CellUtil.cloneFamily(cell));
            StoreFileWriter writer = writers.get(family);
            if (writer == null) {
                writer = newWriter(family, region);
                writers.put(family, writer);
            }
            writer.append(cell);
        }
        closeAll(writers);
        batch.clear();
        batchBytes = 0;
        batchNumber++;
    }

    private StoreFileWriter newWriter(String family, int region) throws IOException {
        // The table's own family settings, so bulk-loaded files look like flushed ones.
        ColumnFamilyDescriptor descriptor = families.get(family);
        Path file = new Path(new Path(dir, family), "b" + batchNumber + "-r" + region);
        return new StoreFileWriter.Builder(conf, CacheConfig.DISABLED, fs)
                .withFilePath(file)
                .withBloomType(descriptor.getBloomFilterType())
                .withFileContext(new HFileContextBuilder().withCompression(descriptor.getCompressionType())
                        .withBlockSize(descriptor.getBlocksize()).build())
                .build();
    }

    private static void closeAll(Map<String, StoreFileWriter> writers) throws IOException {
        for (StoreFileWriter writer : writers.values()) {
            writer.appendTrackedTimestampsToMetadata();
            writer.close();
        }
        writers.clear();
    }

    private int regionOf(byte[] row) {
        int i = Arrays.binarySearch(regionStarts, row, Bytes.BYTES_COMPARATOR);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public void close() throws IOException {
        try {
            writeBatch();
            if (batchNumber > 0) {
                BulkLoadHFiles.create(conf).bulkLoad(table, dir);
            }
        } finally {
            fs.delete(dir, true);
        }
    }
}

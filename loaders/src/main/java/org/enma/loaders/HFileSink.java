package org.enma.loaders;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellComparator;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.PrivateCellUtil;
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
 * them into the table. A full batch is sorted and written on a second thread while the next one fills, so parsing
 * and compression use both cores; memory stays bounded by two batches. Cells carry the load's start time plus the batch number as
 * their timestamp, so a later duplicate (later batch, or later in its batch) wins as on the Put path.
 */
final class HFileSink implements CellSink {
    static final long BATCH_BYTES = 128L << 20;
    private static final Comparator<Cell[]> BY_ROW = (a, b) -> Bytes.compareTo(a[0].getRowArray(),
            a[0].getRowOffset(), a[0].getRowLength(), b[0].getRowArray(), b[0].getRowOffset(), b[0].getRowLength());
    /** Within one row and batch: by family and qualifier (every cell of a batch has the same timestamp). */
    private static final Comparator<Cell> COLUMNS = CellComparator.getInstance()::compareWithoutRow;

    private final long batchLimit;
    private final TableName table;
    private final Map<String, ColumnFamilyDescriptor> families = new HashMap<>();
    private final Configuration conf;
    private final FileSystem fs;
    private final Path dir;
    private final byte[][] regionStarts;
    private final long baseTimestamp = System.currentTimeMillis();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enma-hfile-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<?> writing;
    /** The batch being filled: each upload row's cells, in upload order. */
    private List<Cell[]> batch = new ArrayList<>();
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
        List<Cell> row = new ArrayList<>(4);
        for (List<Cell> cells : put.getFamilyCellMap().values()) {
            for (Cell c : cells) {
                // The Put's own KeyValues, stamped in place: no copy of row, column or value.
                PrivateCellUtil.setTimestamp(c, timestamp);
                row.add(c);
                batchBytes += c.heapSize();
            }
        }
        if (!row.isEmpty()) {
            batch.add(row.toArray(Cell[]::new));
        }
        if (batchBytes >= batchLimit) {
            handOver();
        }
    }

    /** Gives the full batch to the writer thread, once the previous one is written. */
    private void handOver() throws IOException {
        awaitWriting();
        if (batch.isEmpty()) {
            return;
        }
        List<Cell[]> full = batch;
        int number = batchNumber;
        writing = writer.submit(() -> {
            writeBatch(full, number);
            return null;
        });
        batch = new ArrayList<>();
        batchBytes = 0;
        batchNumber++;
    }

    private void awaitWriting() throws IOException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing HFiles");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            writing = null;
        }
    }

    /**
     * Sorts a batch by row (stable: equal rows keep their upload order), then each row's cells by column, keeps the
     * last of equal cells (a later duplicate wins), and writes HFiles. Sorting rows, not cells, compares each key a
     * third as often; the region is looked up once per row and the family name only when it changes.
     */
    private void writeBatch(List<Cell[]> rows, int batchNumber) throws IOException {
        rows.sort(BY_ROW);
        Map<String, StoreFileWriter> writers = new HashMap<>();
        int region = -1;
        for (int first = 0; first < rows.size(); ) {
            int end = first + 1;
            while (end < rows.size() && CellUtil.matchingRows(rows.get(first)[0], rows.get(end)[0])) {
                end++;
            }
            Cell[] row = end == first + 1 ? rows.get(first) : concat(rows.subList(first, end));
            Arrays.sort(row, COLUMNS);
            int rowRegion = regionOf(row[0], Math.max(region, 0));
            if (rowRegion != region) {
                closeAll(writers);
                region = rowRegion;
            }
            String family = null;
            Cell previous = null;
            for (int i = 0; i < row.length; i++) {
                Cell cell = row[i];
                if (i + 1 < row.length && CellUtil.matchingColumn(cell, row[i + 1])) {
                    continue;
                }
                if (previous == null || !CellUtil.matchingFamily(cell, previous)) {
                    family = new String(cell.getFamilyArray(), cell.getFamilyOffset(), cell.getFamilyLength(),
                            StandardCharsets.UTF_8);
                }
                StoreFileWriter file = writers.get(family);
                if (file == null) {
                    file = newWriter(family, region, batchNumber);
                    writers.put(family, file);
                }
                file.append(cell);
                previous = cell;
            }
            first = end;
        }
        closeAll(writers);
    }

    /** The cells of several upload rows with the same key, in upload order. */
    private static Cell[] concat(List<Cell[]> rows) {
        List<Cell> cells = new ArrayList<>();
        rows.forEach(row -> cells.addAll(Arrays.asList(row)));
        return cells.toArray(Cell[]::new);
    }

    private StoreFileWriter newWriter(String family, int region, int batchNumber) throws IOException {
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

    /** The region of a cell's row, searched from region {@code from} on: the rows of a sorted batch only go up. */
    private int regionOf(Cell cell, int from) {
        int region = from;
        while (region + 1 < regionStarts.length && Bytes.compareTo(cell.getRowArray(), cell.getRowOffset(),
                cell.getRowLength(), regionStarts[region + 1], 0, regionStarts[region + 1].length) >= 0) {
            region++;
        }
        return region;
    }

    @Override
    public void close() throws IOException {
        try {
            handOver();
            awaitWriting();
            if (batchNumber > 0) {
                BulkLoadHFiles.create(conf).bulkLoad(table, dir);
            }
        } finally {
            writer.shutdownNow();
            fs.delete(dir, true);
        }
    }
}

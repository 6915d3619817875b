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
 * The bulk path: rows are collected in batches, each batch is sorted and written as HFiles, one per region and family
 * (what HFileOutputFormat2 writes), and at the end HBase's BulkLoadHFiles moves them into the table. Rows are put in
 * their region's list as they arrive; a full batch's regions are sorted and written as separate tasks on every core
 * while the next batch fills, so memory stays bounded by two batches. Cells carry the load's start time plus the
 * batch number as their timestamp, so a later duplicate (later batch, or later in its batch) wins as on the Put path.
 * <p>
 * A batch is an eighth of the heap (between {@value #MIN_BATCH_BYTES} and {@value #MAX_BATCH_BYTES} bytes of cells):
 * each batch makes one file per region, and the region server pays for every file it takes in (on a local
 * filesystem it copies each one: 50 files of 2 M rows took 6 s to bulk-load, 10 files 1.3 s).
 */
final class HFileSink implements CellSink {
    static final long MIN_BATCH_BYTES = 32L << 20;
    static final long MAX_BATCH_BYTES = 1L << 30;
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
    private final ExecutorService writers;
    private final List<Future<?>> writing = new ArrayList<>();
    /** The batch being filled: for each region, its upload rows' cells in upload order. */
    private List<Cell[]>[] batch;
    private long batchBytes;
    private int batchNumber;

    HFileSink(Connection connection, TableName table, String stagingRoot) throws IOException {
        this(connection, table, stagingRoot, Math.min(MAX_BATCH_BYTES,
                Math.max(MIN_BATCH_BYTES, Runtime.getRuntime().maxMemory() / 8)));
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
        this.batch = emptyBatch();
        this.writers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "enma-hfile-writer");
            t.setDaemon(true);
            return t;
        });
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
            batch[regionOf(put.getRow())].add(row.toArray(Cell[]::new));
        }
        if (batchBytes >= batchLimit) {
            handOver();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Cell[]>[] emptyBatch() {
        List<Cell[]>[] regions = new List[regionStarts.length];
        for (int r = 0; r < regions.length; r++) {
            regions[r] = new ArrayList<>();
        }
        return regions;
    }

    /** Gives the full batch's regions to the writers, once the previous batch is written. */
    private void handOver() throws IOException {
        awaitWriting();
        if (batchBytes == 0) {
            return;
        }
        for (int r = 0; r < batch.length; r++) {
            List<Cell[]> rows = batch[r];
            int region = r;
            int number = batchNumber;
            if (!rows.isEmpty()) {
                writing.add(writers.submit(() -> {
                    writeRegion(rows, region, number);
                    return null;
                }));
            }
        }
        batch = emptyBatch();
        batchBytes = 0;
        batchNumber++;
    }

    private void awaitWriting() throws IOException {
        try {
            for (Future<?> task : writing) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing HFiles");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            writing.clear();
        }
    }

    /**
     * Sorts one region's rows of a batch by row (stable: equal rows keep their upload order), then each row's cells by
     * column, keeps the last of equal cells (a later duplicate wins), and writes one HFile per family. Sorting rows,
     * not cells, compares each key a third as often; the family name is looked up only when it changes.
     */
    private void writeRegion(List<Cell[]> rows, int region, int batchNumber) throws IOException {
        rows.sort(BY_ROW);
        Map<String, StoreFileWriter> files = new HashMap<>();
        try {
            for (int first = 0; first < rows.size(); ) {
                int end = first + 1;
                while (end < rows.size() && CellUtil.matchingRows(rows.get(first)[0], rows.get(end)[0])) {
                    end++;
                }
                Cell[] row = end == first + 1 ? rows.get(first) : concat(rows.subList(first, end));
                Arrays.sort(row, COLUMNS);
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
                    StoreFileWriter file = files.get(family);
                    if (file == null) {
                        file = newWriter(family, region, batchNumber);
                        files.put(family, file);
                    }
                    file.append(cell);
                    previous = cell;
                }
                first = end;
            }
        } finally {
            closeAll(files);
        }
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

    private static void closeAll(Map<String, StoreFileWriter> files) throws IOException {
        for (StoreFileWriter file : files.values()) {
            file.appendTrackedTimestampsToMetadata();
            file.close();
        }
    }

    /** The region holding {@code row}: the last whose start key is not after it (the first region starts empty). */
    private int regionOf(byte[] row) {
        int low = 0;
        int high = regionStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (Bytes.compareTo(regionStarts[middle], row) <= 0) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
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
            writers.shutdownNow();
            fs.delete(dir, true);
        }
    }
}

package org.enma.loaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellComparator;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.KeyValueUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.io.hfile.CacheConfig;
import org.apache.hadoop.hbase.io.hfile.HFileContextBuilder;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.StagingRoot;

/**
 * The bulk path: rows are collected in batches, each batch is sorted and written as HFiles, one per region and family
 * (what HFileOutputFormat2 writes), and at the end HBase's BulkLoadHFiles moves them into the table. Rows are put in
 * their region's {@link RegionRows} as they arrive; a full batch's regions are sorted and written as separate tasks
 * on every core while the next batch fills, so memory stays bounded by two batches. Cells carry the load's start
 * time plus the batch number as their timestamp, so a later duplicate (later batch, or later in its batch) wins as
 * on the Put path. A table the load is creating is awaited only when the first HFiles are written: rows are put
 * into the regions it is being created with.
 * <p>
 * A batch is an eighth of the heap (between {@value #MIN_BATCH_BYTES} and {@value #MAX_BATCH_BYTES} bytes of rows):
 * each batch makes one file per region, and the region server pays for every file it takes in (on a local
 * filesystem it copies each one: 50 files of 2 M rows took 6 s to bulk-load, 10 files 1.3 s).
 */
final class HFileSink implements CellSink {
    static final long MIN_BATCH_BYTES = 32L << 20;
    static final long MAX_BATCH_BYTES = 1L << 30;
    private static final long WRITERS_STOP_SECONDS = 60;
    /** HBase's default of {@link BulkLoadHFiles#MAX_FILES_PER_REGION_PER_FAMILY}, which it names in no constant. */
    private static final int HBASE_MAX_FILES_PER_REGION_PER_FAMILY = 32;
    /** Within one row and batch: by family and qualifier (every cell of a batch has the same timestamp). */
    private static final Comparator<Cell> COLUMNS = CellComparator.getInstance()::compareWithoutRow;

    private final long batchLimit;
    private final Connection connection;
    private final TargetTable target;
    private final ValidationMarks marks;
    /** Known once the table exists: before the first HFiles are written. */
    private TableName table;
    private final Map<String, ColumnFamilyDescriptor> families = new HashMap<>();
    private final Configuration conf;
    private final FileSystem fs;
    private final Path dir;
    private final byte[][] regionStarts;
    /** The first eight bytes of each start key, so that placing a row seldom compares whole keys. */
    private final long[] startPrefixes;
    private final long baseTimestamp = System.currentTimeMillis();
    private final ExecutorService writers;
    private final List<Future<?>> writing = new ArrayList<>();
    /** The batch being filled: each region's upload rows. */
    private RegionRows[] batch;
    private long batchBytes;
    private int batchNumber;

    /** {@code marks}: what each uploaded {@code v} deletes beside it, written as delete markers of its batch. */
    HFileSink(Connection connection, TargetTable target, String stagingRoot, ValidationMarks marks)
            throws IOException {
        this(connection, target, stagingRoot, Math.min(MAX_BATCH_BYTES,
                Math.max(MIN_BATCH_BYTES, Runtime.getRuntime().maxMemory() / 8)), marks);
    }

    /** {@code batchLimit}: bytes of rows per sorted batch (tests use tiny batches to cross batch boundaries). */
    HFileSink(Connection connection, TargetTable target, String stagingRoot, long batchLimit, ValidationMarks marks)
            throws IOException {
        this.batchLimit = batchLimit;
        this.marks = marks;
        this.connection = connection;
        this.target = target;
        this.conf = connection.getConfiguration();
        this.dir = new Path(stagingRoot, "enma-bulk-" + UUID.randomUUID());
        this.fs = dir.getFileSystem(conf);
        StagingRoot.requireReadableByRegionServers(fs, stagingRoot, connection, "give --staging");
        this.regionStarts = target.regionStarts(connection);
        this.startPrefixes = Arrays.stream(regionStarts).mapToLong(start -> RegionRows.prefix(start, 0)).toArray();
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
        List<KeyValue> row = new ArrayList<>(4);
        for (List<Cell> cells : put.getFamilyCellMap().values()) {
            for (Cell c : cells) {
                KeyValue cell = KeyValueUtil.ensureKeyValue(c);
                cell.setTimestamp(timestamp);
                row.add(cell);
            }
        }
        row.addAll(marks.of(put, timestamp));
        if (!row.isEmpty()) {
            RegionRows rows = batch[regionOf(put.getRow())];
            long before = rows.bytes();
            rows.add(put.getRow(), row);
            batchBytes += rows.bytes() - before;
        }
        if (batchBytes >= batchLimit) {
            handOver();
        }
    }

    private RegionRows[] emptyBatch() {
        RegionRows[] regions = new RegionRows[regionStarts.length];
        for (int r = 0; r < regions.length; r++) {
            regions[r] = new RegionRows();
        }
        return regions;
    }

    /** Gives the full batch's regions to the writers, once the previous batch is written. */
    private void handOver() throws IOException {
        awaitWriting();
        awaitTable();
        if (batchBytes == 0) {
            return;
        }
        for (int r = 0; r < batch.length; r++) {
            RegionRows rows = batch[r];
            int region = r;
            int number = batchNumber;
            if (rows.size() > 0) {
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

    /** Waits for the table and takes its family settings, so bulk-loaded files look like flushed ones. */
    private void awaitTable() throws IOException {
        if (table != null) {
            return;
        }
        table = target.await();
        try (Admin admin = connection.getAdmin()) {
            for (ColumnFamilyDescriptor family : admin.getDescriptor(table).getColumnFamilies()) {
                families.put(family.getNameAsString(), family);
            }
        }
    }

    private void awaitWriting() throws IOException {
        try {
            for (Future<?> task : writing) {
                Awaited.get(task, "writing HFiles");
            }
        } finally {
            writing.clear();
        }
    }

    /**
     * Writes one region's rows of a batch in key order (equal keys in upload order, their cells together): one HFile
     * per family.
     */
    private void writeRegion(RegionRows rows, int region, int batchNumber) throws IOException {
        int[] order = rows.sortedOrder();
        RegionFiles files = new RegionFiles(region, batchNumber);
        try {
            for (int first = 0; first < order.length; ) {
                Cell[] row = rows.cells(order[first]);
                int end = first + 1;
                while (end < order.length && rows.sameKey(order[first], order[end])) {
                    row = concat(row, rows.cells(order[end]));
                    end++;
                }
                writeRow(row, files);
                first = end;
            }
        } finally {
            files.close();
        }
    }

    /** Appends one row's cells by column, keeping the last of equal cells (a later duplicate wins). */
    private static void writeRow(Cell[] row, RegionFiles files) throws IOException {
        if (!inColumnOrder(row)) {
            Arrays.sort(row, COLUMNS);
        }
        for (int i = 0; i < row.length; i++) {
            Cell cell = row[i];
            if (i + 1 < row.length && CellUtil.matchingColumn(cell, row[i + 1])) {
                continue;
            }
            files.of(cell).append(cell);
        }
    }

    /** Whether the cells are by column already, as a mapper's Put has them: sorting them was a tenth of a writer. */
    private static boolean inColumnOrder(Cell[] row) {
        for (int i = 1; i < row.length; i++) {
            if (COLUMNS.compare(row[i - 1], row[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One region's HFiles of one batch, one per family, opened as their first cell comes; the family of the last cell
     * is remembered, so that consecutive cells of one family (nearly all of them) look nothing up.
     */
    private final class RegionFiles {
        private final int region;
        private final int batchNumber;
        private final Map<String, StoreFileWriter> files = new HashMap<>();
        private Cell lastCell;
        private StoreFileWriter last;

        RegionFiles(int region, int batchNumber) {
            this.region = region;
            this.batchNumber = batchNumber;
        }

        StoreFileWriter of(Cell cell) throws IOException {
            if (last != null && CellUtil.matchingFamily(cell, lastCell)) {
                lastCell = cell;
                return last;
            }
            String family = new String(cell.getFamilyArray(), cell.getFamilyOffset(), cell.getFamilyLength(),
                    StandardCharsets.UTF_8);
            StoreFileWriter file = files.get(family);
            if (file == null) {
                file = newWriter(family, region, batchNumber);
                files.put(family, file);
            }
            lastCell = cell;
            last = file;
            return file;
        }

        void close() throws IOException {
            for (StoreFileWriter file : files.values()) {
                file.appendTrackedTimestampsToMetadata();
                file.close();
            }
        }
    }

    /** The cells of two upload rows with the same key, the earlier row's first. */
    private static Cell[] concat(Cell[] earlier, Cell[] later) {
        Cell[] cells = Arrays.copyOf(earlier, earlier.length + later.length);
        System.arraycopy(later, 0, cells, earlier.length, later.length);
        return cells;
    }

    private StoreFileWriter newWriter(String family, int region, int batchNumber) throws IOException {
        ColumnFamilyDescriptor descriptor = families.get(family);
        Path file = new Path(new Path(dir, family), "b" + batchNumber + "-r" + region);
        return new StoreFileWriter.Builder(conf, CacheConfig.DISABLED, fs)
                .withFilePath(file)
                .withBloomType(descriptor.getBloomFilterType())
                .withFileContext(new HFileContextBuilder().withCompression(descriptor.getCompressionType())
                        .withBlockSize(descriptor.getBlocksize()).build())
                .build();
    }

    /** The region holding {@code row}: the last whose start key is not after it (the first region starts empty). */
    private int regionOf(byte[] row) {
        long prefix = RegionRows.prefix(row, 0);
        int low = 0;
        int high = regionStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            int c = Long.compareUnsigned(startPrefixes[middle], prefix);
            if (c == 0) {
                c = Bytes.compareTo(regionStarts[middle], row);
            }
            if (c <= 0) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    @Override
    public boolean visibleAtCommit() {
        return true;
    }

    /** Hands the last batch to the writers: they write it while the load records its last days. */
    @Override
    public void startCommit() throws IOException {
        handOver();
    }

    /**
     * Writes the last batch and hands every HFile to the table in one bulk load. A batch makes at most one file per
     * region and family, so a region may get as many files as there were batches: a load of 12 M rows with a 512 MB
     * heap made 40, past the 32 HBase takes by default — the limit is raised to the batches' number (the region
     * servers compact the files as they do any others).
     */
    @Override
    public void commit() throws IOException {
        handOver();
        awaitWriting();
        if (batchNumber > 0) {
            int filesPerRegion = Math.max(batchNumber, conf.getInt(BulkLoadHFiles.MAX_FILES_PER_REGION_PER_FAMILY,
                    HBASE_MAX_FILES_PER_REGION_PER_FAMILY));
            Configuration load = new Configuration(conf);
            load.setInt(BulkLoadHFiles.MAX_FILES_PER_REGION_PER_FAMILY, filesPerRegion);
            BulkLoadHFiles.create(load).bulkLoad(table, dir);
        }
    }

    /**
     * Stops the writers and deletes the staging directory. Without a commit, nothing was handed over: the table is
     * as it was before the load.
     */
    @Override
    public void close() throws IOException {
        writers.shutdownNow();
        try {
            // a writer still running would recreate files under the directory after it is deleted
            if (!writers.awaitTermination(WRITERS_STOP_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("HFile writers did not stop within " + WRITERS_STOP_SECONDS
                        + " s; the staging directory " + dir + " is left behind, delete it by hand");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the HFile writers; the staging directory " + dir
                    + " is left behind, delete it by hand", e);
        }
        fs.delete(dir, true);
    }
}

package org.enma.jobs.rollup;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.io.hfile.CacheConfig;
import org.apache.hadoop.hbase.io.hfile.HFileContextBuilder;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.Period;

/**
 * One Spark task's changes written as HFiles, one per family, for a bulk load at the end of the run: the region
 * servers take the files in whole instead of each cell through their memstores, flushes and compactions (which at
 * 200,000 contracts cost more than the rollup's own work and grew faster than the data). The task must write its rows
 * in key order, as {@link PeriodPlace#ORDER} brings them; the writer refuses a key out of order. Every cell carries
 * the run's timestamp, so it supersedes what earlier runs stored, and a vanished qualifier becomes a delete marker.
 */
final class HFileCells implements PeriodCells, Closeable {
    /** What HBase writes a family's files with, taken from the table on the driver and sent to the tasks. */
    record Format(String compression, String bloom, int blockSize) implements Serializable {
        static Format of(ColumnFamilyDescriptor family) {
            return new Format(family.getCompressionType().getName(), family.getBloomFilterType().name(),
                    family.getBlocksize());
        }
    }

    private final Configuration conf;
    private final Path dir;
    private final String name;
    private final long timestamp;
    private final Map<String, Format> formats;
    private final Map<Period, StoreFileWriter> writers = new EnumMap<>(Period.class);
    private final Map<Period, Path> paths = new EnumMap<>(Period.class);

    /** Files named {@code name} under {@code dir}/{@code <family>}/, in the formats of the families by name. */
    HFileCells(Configuration conf, Path dir, String name, long timestamp, Map<String, Format> formats) {
        this.conf = conf;
        this.dir = dir;
        this.name = name;
        this.timestamp = timestamp;
        this.formats = formats;
        UnreportedIoMetrics.install();
    }

    @Override
    public void write(byte[] row, Period period, Map<String, String> changed, List<String> vanished)
            throws IOException {
        byte[] family = period.family().bytes();
        // a row's cells go in qualifier order; a qualifier is either changed or vanished, never both
        Map<byte[], KeyValue> cells = new TreeMap<>(Bytes.BYTES_COMPARATOR);
        changed.forEach((q, v) -> {
            byte[] qualifier = Bytes.toBytes(q);
            cells.put(qualifier, new KeyValue(row, family, qualifier, timestamp, KeyValue.Type.Put, Bytes.toBytes(v)));
        });
        vanished.forEach(q -> {
            byte[] qualifier = Bytes.toBytes(q);
            cells.put(qualifier, new KeyValue(row, family, qualifier, timestamp, KeyValue.Type.DeleteColumn));
        });
        StoreFileWriter writer = writer(period);
        for (KeyValue cell : cells.values()) {
            writer.append(cell);
        }
    }

    private StoreFileWriter writer(Period period) throws IOException {
        StoreFileWriter writer = writers.get(period);
        if (writer == null) {
            Format format = formats.get(period.family().toString());
            Path path = new Path(new Path(dir, period.family().toString()), name);
            writer = new StoreFileWriter.Builder(conf, CacheConfig.DISABLED, path.getFileSystem(conf))
                    .withFilePath(path)
                    .withBloomType(BloomType.valueOf(format.bloom()))
                    .withFileContext(new HFileContextBuilder()
                            .withCompression(Compression.getCompressionAlgorithmByName(format.compression()))
                            .withBlockSize(format.blockSize()).build())
                    .build();
            writers.put(period, writer);
            paths.put(period, path);
        }
        return writer;
    }

    /** Closes the files: those written, by family name, for the bulk load. */
    Map<String, List<String>> finish() throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        for (var open : writers.entrySet()) {
            open.getValue().appendTrackedTimestampsToMetadata();
            open.getValue().close();
            files.computeIfAbsent(open.getKey().family().toString(), f -> new ArrayList<>())
                    .add(paths.get(open.getKey()).toString());
        }
        writers.clear();
        return files;
    }

    /** Closes what {@link #finish} did not: a failed task's files are never loaded. */
    @Override
    public void close() throws IOException {
        for (StoreFileWriter writer : writers.values()) {
            writer.close();
        }
        writers.clear();
    }
}

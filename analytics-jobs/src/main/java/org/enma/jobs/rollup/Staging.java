package org.enma.jobs.rollup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.SparkContext;
import org.enma.config.Setting;
import org.enma.jobs.read.EnmaData;
import org.enma.schema.StagingRoot;
import scala.collection.JavaConverters;

/**
 * A rollup run's directory for its tasks' HFiles, under {@code bulk.staging}: checked before any row is read (the
 * region servers read it, the executors write it), handed to HBase in one bulk load once every task has written,
 * and deleted at the end whatever happened — files of a failed or lost task attempt are never loaded.
 */
final class Staging implements AutoCloseable {
    /** HBase's default of {@link BulkLoadHFiles#MAX_FILES_PER_REGION_PER_FAMILY}, which it names in no constant. */
    private static final int HBASE_MAX_FILES_PER_REGION_PER_FAMILY = 32;

    private final Configuration conf;
    private final Path dir;

    private Staging(Configuration conf, Path dir) {
        this.conf = conf;
        this.dir = dir;
    }

    static Staging of(EnmaData data) throws IOException {
        String root = data.bulkStaging();
        Connection hbase = data.hbase();
        FileSystem fs = new Path(root).getFileSystem(hbase.getConfiguration());
        String remedy = "set " + Setting.BULK_STAGING.key() + " (" + Setting.BULK_STAGING.envVariable() + ") to";
        StagingRoot.requireReadableByRegionServers(fs, root, hbase, remedy);
        StagingRoot.requireReadable("file".equals(fs.getScheme()), root, "Spark executors",
                executorHosts(data.spark().sparkContext()), remedy);
        return new Staging(hbase.getConfiguration(), new Path(root, "enma-rollup-" + UUID.randomUUID()));
    }

    private static List<String> executorHosts(SparkContext spark) {
        List<String> hosts = new ArrayList<>();
        for (String executor : JavaConverters.setAsJavaSet(spark.getExecutorMemoryStatus().keySet())) {
            hosts.add(executor.substring(0, executor.lastIndexOf(':')));
        }
        return hosts;
    }

    Path dir() {
        return dir;
    }

    /**
     * Hands the tasks' files (each task's by family) to {@code table}; a region gets a file of each task of its salt,
     * at most {@code tasks} — past HBase's default limit of files per region and family, the limit is raised.
     */
    void load(Connection hbase, TableName table, List<Map<String, List<String>>> taskFiles, int tasks)
            throws IOException {
        Map<byte[], List<Path>> byFamily = new TreeMap<>(Bytes.BYTES_COMPARATOR);
        taskFiles.forEach(files -> files.forEach((family, paths) -> paths.forEach(path ->
                byFamily.computeIfAbsent(Bytes.toBytes(family), f -> new ArrayList<>()).add(new Path(path)))));
        if (byFamily.isEmpty()) {
            return;
        }
        UnreportedIoMetrics.install();
        Configuration load = new Configuration(hbase.getConfiguration());
        load.setInt(BulkLoadHFiles.MAX_FILES_PER_REGION_PER_FAMILY, Math.max(tasks,
                load.getInt(BulkLoadHFiles.MAX_FILES_PER_REGION_PER_FAMILY, HBASE_MAX_FILES_PER_REGION_PER_FAMILY)));
        BulkLoadHFiles.create(load).bulkLoad(table, byFamily);
    }

    @Override
    public void close() throws IOException {
        if (!dir.getFileSystem(conf).delete(dir, true) && dir.getFileSystem(conf).exists(dir)) {
            throw new IOException("could not delete the rollup's staging directory " + dir + "; delete it by hand");
        }
    }
}

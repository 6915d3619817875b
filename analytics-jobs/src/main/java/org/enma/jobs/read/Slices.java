package org.enma.jobs.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** Spark data of one partition per slice of a table, each preferring the host of its region server. */
final class Slices {
    private Slices() {
    }

    /**
     * The regions of {@code table} that serve rows: a split's parent (offline, its daughters serve its rows) left out.
     */
    static List<HRegionLocation> servingRegions(Connection hbase, TableName table) throws IOException {
        List<HRegionLocation> serving = new ArrayList<>();
        try (RegionLocator locator = hbase.getRegionLocator(table)) {
            for (HRegionLocation location : locator.getAllRegionLocations()) {
                if (!location.getRegion().isSplitParent() && !location.getRegion().isOffline()) {
                    serving.add(location);
                }
            }
        }
        return serving;
    }

    /** The host of a region's server; null for a region in transition, which has none yet. */
    static String hostOf(HRegionLocation location) {
        return location.getServerName() == null ? null : location.getHostname();
    }

    /** {@code host} gives a slice's region server's host, or null when the region has none yet (in transition). */
    static <T> JavaRDD<T> of(SparkContext spark, List<T> slices, Function<T, String> host, Class<T> type) {
        List<Tuple2<T, scala.collection.Seq<String>>> located = new ArrayList<>();
        for (T slice : slices) {
            String server = host.apply(slice);
            located.add(new Tuple2<>(slice, JavaConverters.asScalaBuffer(
                    server == null ? List.<String>of() : List.of(server)).toSeq()));
        }
        ClassTag<T> tag = ClassTag$.MODULE$.apply(type);
        return JavaRDD.fromRDD(spark.makeRDD(JavaConverters.asScalaBuffer(located).toSeq(), tag), tag);
    }

    /** Closes a read's scanner when the Spark task reading it ends, however it ends. */
    static void closeWhenTaskEnds(Closeable read) {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> closeQuietly(read));
        }
    }

    private static void closeQuietly(Closeable read) {
        try {
            read.close();
        } catch (IOException ignored) {
            // a read-only scanner: closing it early or not at all loses nothing
        }
    }
}

package org.enma.cli;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hbase.RegionMetrics;
import org.apache.hadoop.hbase.ServerName;
import org.apache.hadoop.hbase.Size;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.RegionInfo;

/**
 * What the region servers report of each table's regions, without reading a row: one request per region server,
 * so it answers in seconds whatever the tables hold. HBase counts sizes in whole MiB per region, rounded up: a region
 * with a few bytes of files counts a MiB.
 */
record TableMetrics(int regions, int storeFiles, long storeFileMiB, long uncompressedMiB, long memStoreMiB) {
    static final TableMetrics NONE = new TableMetrics(0, 0, 0, 0, 0);

    /** Every table's metrics, summed over its regions, as the live region servers report them now. */
    static Map<TableName, TableMetrics> of(Admin admin) throws IOException {
        Map<TableName, TableMetrics> tables = new HashMap<>();
        for (ServerName server : admin.getRegionServers()) {
            for (RegionMetrics region : admin.getRegionMetrics(server)) {
                tables.merge(RegionInfo.getTable(region.getRegionName()), of(region), TableMetrics::plus);
            }
        }
        return tables;
    }

    private static TableMetrics of(RegionMetrics region) {
        return new TableMetrics(1, region.getStoreFileCount(), mib(region.getStoreFileSize()),
                mib(region.getUncompressedStoreFileSize()), mib(region.getMemStoreSize()));
    }

    private static long mib(Size size) {
        return (long) size.get(Size.Unit.MEGABYTE);
    }

    private TableMetrics plus(TableMetrics other) {
        return new TableMetrics(regions + other.regions, storeFiles + other.storeFiles,
                storeFileMiB + other.storeFileMiB, uncompressedMiB + other.uncompressedMiB,
                memStoreMiB + other.memStoreMiB);
    }

    /** Uncompressed over stored size; none without store files. */
    Optional<Double> compressionRatio() {
        return storeFileMiB == 0 ? Optional.empty() : Optional.of((double) uncompressedMiB / storeFileMiB);
    }
}

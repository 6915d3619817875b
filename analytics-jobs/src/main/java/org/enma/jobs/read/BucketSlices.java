package org.enma.jobs.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.enma.schema.Bucket;

/**
 * Cuts a bucketed table into {@link ScanSlice}s: one per region, holding the buckets with keys in that region. Tables
 * are pre-split on bucket boundaries, but HBase splits a region that grows at a key of its own choosing — inside a
 * bucket — and both daughters then get a slice of their own.
 */
public final class BucketSlices {
    private BucketSlices() {
    }

    public static List<ScanSlice> of(Connection hbase, TableName table) throws IOException {
        List<ScanSlice> slices = new ArrayList<>();
        for (HRegionLocation location : Slices.servingRegions(hbase, table)) {
            RegionInfo region = location.getRegion();
            List<Integer> buckets = new ArrayList<>();
            for (int bucket = 0; bucket < Bucket.COUNT; bucket++) {
                if (Bucket.range(bucket).within(region.getStartKey(), region.getEndKey()).isPresent()) {
                    buckets.add(bucket);
                }
            }
            if (!buckets.isEmpty()) {
                // a region in transition has no server yet: no preferred host, the scanner finds it later
                slices.add(new ScanSlice(buckets, Slices.hostOf(location), region.getStartKey(), region.getEndKey()));
            }
        }
        return slices;
    }
}

package org.enma.jobs.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.enma.schema.Bucket;

/** Cuts a bucketed table into {@link ScanSlice}s: one per region, holding the buckets that region serves. */
public final class BucketSlices {
    private BucketSlices() {
    }

    public static List<ScanSlice> of(Connection hbase, TableName table) throws IOException {
        Map<String, List<Integer>> bucketsByRegion = new LinkedHashMap<>();
        Map<String, String> hostOfRegion = new LinkedHashMap<>();
        try (RegionLocator locator = hbase.getRegionLocator(table)) {
            for (int bucket = 0; bucket < Bucket.COUNT; bucket++) {
                HRegionLocation location = locator.getRegionLocation(Bucket.prefix(bucket));
                String region = location.getRegion().getEncodedName();
                bucketsByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(bucket);
                hostOfRegion.put(region, location.getHostname());
            }
        }
        List<ScanSlice> slices = new ArrayList<>();
        bucketsByRegion.forEach((region, buckets) -> slices.add(new ScanSlice(buckets, hostOfRegion.get(region))));
        return slices;
    }
}

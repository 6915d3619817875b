package org.enma.jobs.read;

import java.io.Serializable;
import java.util.List;

/**
 * The buckets one Spark partition reads: those of one region of the table (buckets never straddle regions, see
 * {@code Bucket.splitKeys}), with the region server's host as the partition's preferred location.
 */
public record ScanSlice(List<Integer> buckets, String host) implements Serializable {
    public ScanSlice {
        buckets = List.copyOf(buckets);
    }
}

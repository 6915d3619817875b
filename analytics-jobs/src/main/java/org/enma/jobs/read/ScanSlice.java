package org.enma.jobs.read;

import java.io.Serializable;
import java.util.List;

/**
 * What one Spark partition of a bucketed table reads: one region ({@code [regionStart, regionEnd)}, empty for
 * unbounded, as HBase writes region bounds) and the buckets with keys in it, each read only within the region. The
 * region server's host is the partition's preferred location. A bucket that a split cut in two is read by the
 * partitions of both regions, each its half.
 */
public record ScanSlice(List<Integer> buckets, String host, byte[] regionStart, byte[] regionEnd)
        implements Serializable {
    public ScanSlice {
        buckets = List.copyOf(buckets);
        regionStart = regionStart.clone();
        regionEnd = regionEnd.clone();
    }
}

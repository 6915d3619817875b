package org.enma.jobs.source;

import org.apache.spark.sql.connector.read.InputPartition;
import org.enma.jobs.read.RangeScan;

/**
 * A part of a table that is not a bucketed time series, one region's share of a key range: a company's rows of
 * {@code customers}, {@code stations} or {@code tariffs}, or a result mirror's rows (the company's picked out by the
 * region server). Spark prefers the region server's host for it.
 */
record RangePartition(RangeScan.Slice slice) implements InputPartition {
    @Override
    public String[] preferredLocations() {
        return slice.host() == null ? new String[0] : new String[] {slice.host()};
    }
}

package org.enma.jobs.source;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.read.InputPartition;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.ScanSlice;
import org.enma.jobs.read.TimeRange;

/** One region's buckets of a measure table, with the time ranges, ids and cells the scan pushed down. */
record MeasurePartition(ScanSlice slice, List<TimeRange> times, Set<String> ids, MeasureFields fields)
        implements InputPartition {
    @Override
    public String[] preferredLocations() {
        return slice.host() == null ? new String[0] : new String[] {slice.host()};
    }
}

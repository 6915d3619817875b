package org.enma.jobs.source;

import java.util.Set;
import org.apache.spark.sql.connector.read.InputPartition;
import org.enma.schema.Period;

/**
 * A part of a table that is not a bucketed time series: a key prefix of a period table (a salt, or one contract's
 * rows) in some of its families (all when empty), or the whole of a company's rows ({@code prefix} null).
 */
record RowsPartition(byte[] prefix, Set<Period> periods) implements InputPartition {
    static RowsPartition whole() {
        return new RowsPartition(null, Set.of());
    }
}

package org.enma.jobs.source;

import java.util.Set;
import org.apache.spark.sql.connector.read.InputPartition;
import org.enma.schema.Period;

/** A key prefix of a period table (a salt, or one contract's rows) in some of its families (all when empty). */
record RowsPartition(byte[] prefix, Set<Period> periods) implements InputPartition {
}

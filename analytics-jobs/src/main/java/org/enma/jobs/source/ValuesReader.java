package org.enma.jobs.source;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/** Hands over rows read whole (values in the table schema's order) with only the columns the query asked for. */
final class ValuesReader implements PartitionReader<InternalRow> {
    private final Iterator<Object[]> rows;
    private final StructType schema;
    private final int[] columns;
    private final long rowsScanned;
    private InternalRow current;

    ValuesReader(List<Object[]> rows, StructType schema, StructType readSchema) {
        this.rows = rows.iterator();
        this.schema = schema;
        this.rowsScanned = rows.size();
        this.columns = new int[readSchema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = schema.fieldIndex(readSchema.fields()[i].name());
        }
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            return false;
        }
        Object[] row = rows.next();
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = InternalValues.of(row[columns[i]], schema, columns[i]);
        }
        current = new GenericInternalRow(values);
        return true;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return ScanMetrics.of(rowsScanned, 0);
    }

    @Override
    public void close() {
        // the rows were read whole when the reader was made
    }
}

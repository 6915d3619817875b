package org.enma.jobs.source;

import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.enma.jobs.read.ValueRows;

/** Hands over rows of values (in the table schema's order) with only the columns the query asked for. */
final class ValuesReader implements PartitionReader<InternalRow> {
    private final ValueRows rows;
    private final StructType schema;
    private final int[] columns;
    private long rowsRead;
    private InternalRow current;

    ValuesReader(ValueRows rows, StructType schema, StructType readSchema) {
        this.rows = rows;
        this.schema = schema;
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
        rowsRead++;
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
        return ScanMetrics.of(rowsRead, 0);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

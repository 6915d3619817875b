package org.enma.jobs.source;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.apache.hadoop.hbase.TableName;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.UTF8String;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.read.BadCells;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureScan;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.MeasureColumns;

/** The measures of one partition ({@link MeasureScan}, the jobs' own reader) as Spark rows of the asked columns. */
final class MeasureReader implements PartitionReader<InternalRow> {
    /** One column's value of a measure, as Spark holds it. */
    @FunctionalInterface
    private interface Column extends Serializable {
        Object of(Measure m, LocalDateTime local);
    }

    private final MeasureScan scan;
    private final Column[] columns;
    private final LocalHours hours;
    private final BadCells badCells;
    private InternalRow current;

    MeasureReader(ReadContext context, MeasurePartition partition) throws IOException {
        this.badCells = context.badCells() != null ? context.badCells() : new BadCells();
        this.scan = new MeasureScan(SharedConnections.of(context.endpoints()),
                TableName.valueOf(context.hbaseTable()), partition.slice(), partition.times(), partition.fields(),
                partition.ids(), badCells);
        this.hours = new LocalHours(context.zone());
        StructField[] fields = context.readSchema().fields();
        this.columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = column(fields[i].name(), context.table().idColumn());
        }
    }

    private static Column column(String name, String idColumn) {
        if (name.equals(idColumn)) {
            return (m, local) -> UTF8String.fromString(m.id());
        }
        return switch (name) {
            case SourceTable.TIMESTAMP -> (m, local) -> m.timestamp() * 1_000_000L;
            case SourceTable.DATE -> (m, local) -> (int) local.toLocalDate().toEpochDay();
            case SourceTable.HOUR -> (m, local) -> local.getHour();
            case MeasureColumns.V -> (m, local) -> m.v();
            case MeasureColumns.VA -> (m, local) -> m.va();
            default -> MeasureColumns.isNumber(name)
                    ? (m, local) -> m.text(name).map(Double::parseDouble).orElse(null)
                    : (m, local) -> m.text(name).map(UTF8String::fromString).orElse(null);
        };
    }

    @Override
    public boolean next() {
        if (!scan.hasNext()) {
            return false;
        }
        Measure m = scan.next();
        LocalDateTime local = hours.of(m.timestamp());
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].of(m, local);
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
        return ScanMetrics.of(scan.rowsScanned(), badCells.value().count());
    }

    @Override
    public void close() throws IOException {
        scan.close();
    }
}

package org.enma.jobs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * One read of the {@code enma} source, as planned: its columns, what it pushed down (the {@code explain()} line shows
 * exactly that), and its partitions, listed from the table's regions when Spark asks for them.
 */
final class EnmaScan implements Scan, Batch {
    private final ReadContext context;
    private final Filter[] pushed;
    private final String applied;
    private final Supplier<List<InputPartition>> partitions;

    EnmaScan(ReadContext context, Filter[] pushed, String applied, Supplier<List<InputPartition>> partitions) {
        this.context = context;
        this.pushed = pushed.clone();
        this.applied = applied;
        this.partitions = partitions;
    }

    @Override
    public StructType readSchema() {
        return context.readSchema();
    }

    @Override
    public String description() {
        return "enma " + context.hbaseTable() + " PushedFilters: " + Arrays.stream(pushed).map(Filter::toString)
                .collect(Collectors.joining(", ", "[", "]")) + (applied.isEmpty() ? "" : ", " + applied);
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        return partitions.get().toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new Readers(context);
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return ScanMetrics.supported();
    }

    /** Makes a partition's reader on the executor. */
    private record Readers(ReadContext context) implements PartitionReaderFactory {
        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            try {
                if (partition instanceof MeasurePartition measures) {
                    return new MeasureReader(context, measures);
                }
                return new ValuesReader(partition instanceof RangePartition range ? TableRows.read(context, range)
                        : TableRows.read(context, (RowsPartition) partition), context.table().schema(),
                        context.readSchema());
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + context.hbaseTable() + " failed: " + e.getMessage(), e);
            }
        }
    }
}

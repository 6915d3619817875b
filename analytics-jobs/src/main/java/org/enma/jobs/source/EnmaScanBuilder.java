package org.enma.jobs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hbase.TableName;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.enma.jobs.read.BucketSlices;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.ScanSlice;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;

/**
 * Plans a read: takes the filters the table's scan can apply (measure tables: time and ids, {@link MeasureFilters};
 * period tables: one contract and the period families) and the columns asked for. Filters it cannot apply stay with
 * Spark, and are not listed as pushed.
 */
final class EnmaScanBuilder implements ScanBuilder, SupportsPushDownFilters, SupportsPushDownRequiredColumns {
    private final ReadContext context;
    private final MeasureFilters measureFilters;
    private final List<Filter> pushed = new ArrayList<>();
    private StructType columns;
    private String contract;
    /** The pushed filters contradict each other (two contracts, disjoint period lists): nothing to read. */
    private boolean nothing;
    private Set<Period> periods = EnumSet.noneOf(Period.class);

    EnmaScanBuilder(ReadContext context) {
        this.context = context;
        this.columns = context.table().schema();
        this.measureFilters = new MeasureFilters(context.table().idColumn(), context.zone());
    }

    private boolean measures() {
        SourceTable.Kind kind = context.table().kind();
        return kind == SourceTable.Kind.CONSUMPTION || kind == SourceTable.Kind.WEATHER;
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        if (measures()) {
            return measureFilters.push(filters);
        }
        if (context.table().kind() != SourceTable.Kind.PERIODS) {
            return filters;
        }
        List<Filter> rest = new ArrayList<>();
        for (Filter filter : filters) {
            if (takePeriodFilter(filter)) {
                pushed.add(filter);
            } else {
                rest.add(filter);
            }
        }
        return rest.toArray(Filter[]::new);
    }

    /** {@code contractId = x} reads that contract's rows only; {@code period = p} / {@code IN} its families only. */
    private boolean takePeriodFilter(Filter filter) {
        if (filter instanceof EqualTo f && f.attribute().equals(SourceTable.CONTRACT_ID)
                && f.value() instanceof String id) {
            nothing |= contract != null && !contract.equals(id);
            contract = id;
            return true;
        }
        List<Object> values = filter instanceof EqualTo f && f.attribute().equals(SourceTable.PERIOD)
                ? List.of(f.value()) : filter instanceof In f && f.attribute().equals(SourceTable.PERIOD)
                ? Arrays.asList(f.values()) : List.of();
        Set<Period> named = EnumSet.noneOf(Period.class);
        for (Object value : values) {
            for (Period p : Period.values()) {
                if (p.name().equals(value)) {
                    named.add(p);
                }
            }
        }
        if (values.isEmpty() || named.size() != values.size()) {
            return false;
        }
        if (periods.isEmpty()) {
            periods = named;
        } else {
            periods.retainAll(named);
            nothing |= periods.isEmpty();
        }
        return true;
    }

    @Override
    public Filter[] pushedFilters() {
        return measures() ? measureFilters.pushed() : pushed.toArray(Filter[]::new);
    }

    @Override
    public void pruneColumns(StructType required) {
        columns = required;
    }

    @Override
    public Scan build() {
        ReadContext read = new ReadContext(context.table(), context.endpoints(), context.zone(), context.namespace(),
                columns, context.badCells());
        if (measures()) {
            MeasureFields fields = fieldsOf(columns, measureFilters.withoutVDropped());
            String ids = measureFilters.ids().isEmpty() && !measureFilters.noId() ? "all"
                    : Integer.toString(measureFilters.ids().size());
            return new EnmaScan(read, pushedFilters(), "TimeRanges: " + measureFilters.times() + ", Ids: " + ids
                    + ", Cells: " + cellsOf(fields), () -> measurePartitions(read, fields));
        }
        if (context.table().kind() == SourceTable.Kind.PERIODS) {
            List<InputPartition> parts = new ArrayList<>();
            if (nothing) {
                return new EnmaScan(read, pushedFilters(), "nothing to read", List::of);
            }
            if (contract != null) {
                parts.add(new RowsPartition(PeriodKey.contractPrefix(contract), periods));
            } else {
                parts.addAll(TableRows.salts(periods));
            }
            return new EnmaScan(read, pushedFilters(), (contract != null ? "one contract" : "16 salts")
                    + (periods.isEmpty() ? "" : ", families " + periods), () -> parts);
        }
        return new EnmaScan(read, pushedFilters(), "by region", () -> TableRows.regions(read));
    }

    private List<InputPartition> measurePartitions(ReadContext read, MeasureFields fields) {
        List<InputPartition> parts = new ArrayList<>();
        if (measureFilters.times().isEmpty() || measureFilters.noId()) {
            return parts;
        }
        try {
            for (ScanSlice slice : BucketSlices.of(SharedConnections.of(read.endpoints()),
                    TableName.valueOf(read.hbaseTable()))) {
                parts.add(new MeasurePartition(slice, measureFilters.times(), measureFilters.ids(), fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the regions of " + read.hbaseTable() + ": " + e.getMessage(),
                    e);
        }
        return parts;
    }

    /**
     * The cells of family {@code m} the columns need: {@code v} always, {@code va} and the rest when asked for; and
     * every row, as SQL expects of a table, unless the query drops the rows without {@code v} anyway.
     */
    private static MeasureFields fieldsOf(StructType columns, boolean withoutVDropped) {
        boolean cumulative = false;
        List<String> texts = new ArrayList<>();
        for (StructField field : columns.fields()) {
            String name = field.name();
            if (name.equals(MeasureColumns.VA)) {
                cumulative = true;
            } else if (!name.equals(MeasureColumns.V) && !isKeyColumn(name)) {
                texts.add(name);
            }
        }
        MeasureFields fields = new MeasureFields(cumulative, texts);
        return withoutVDropped ? fields : fields.withEveryRow();
    }

    private static boolean isKeyColumn(String name) {
        return name.equals(SourceTable.CONTRACT_ID) || name.equals(SourceTable.STATION_ID)
                || name.equals(SourceTable.TIMESTAMP) || name.equals(SourceTable.DATE)
                || name.equals(SourceTable.HOUR);
    }

    private static String cellsOf(MeasureFields fields) {
        List<String> cells = new ArrayList<>(List.of(MeasureColumns.V));
        if (fields.cumulative()) {
            cells.add(MeasureColumns.VA);
        }
        cells.addAll(fields.texts());
        return String.join(",", cells) + (fields.everyRow() ? " (every row)" : "");
    }
}

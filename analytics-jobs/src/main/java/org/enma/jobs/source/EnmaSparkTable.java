package org.enma.jobs.source;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.jobs.read.BadCells;

/**
 * An ENMA table as Spark sees it: readable in batch, and for result tables writable ({@link ResultWrite}). Made by
 * the source ({@code format("enma")}) and by the catalog ({@code enma.c<company>.<table>}) alike.
 */
final class EnmaSparkTable implements SupportsRead, SupportsWrite {
    private final SourceTable table;
    private final EnmaConfig config;
    private final Endpoints endpoints;
    private final String badCells;

    EnmaSparkTable(SourceTable table, EnmaConfig config, Endpoints endpoints, String badCells) {
        this.table = table;
        this.config = config;
        this.endpoints = endpoints;
        this.badCells = badCells;
    }

    @Override
    public String name() {
        return table.displayName();
    }

    @Override
    public StructType schema() {
        return table.schema();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return table.kind() == SourceTable.Kind.RESULTS
                // BATCH_WRITE lets DataFrameWriter.save take the table's own write; V1_BATCH_WRITE has Spark hand
                // ResultWrite the whole Dataset, which it checks before anything is written
                ? EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.V1_BATCH_WRITE,
                        TableCapability.ACCEPT_ANY_SCHEMA)
                : EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        BadCells bad = badCells == null ? null : BadCells.shared(badCells).orElse(null);
        if (bad == null && (table.kind() == SourceTable.Kind.CONSUMPTION
                || table.kind() == SourceTable.Kind.WEATHER)) {
            bad = new BadCells();
            SparkSession.active().sparkContext().register(bad, "measures of " + table.displayName()
                    + " skipped for a bad cell");
        }
        return new EnmaScanBuilder(new ReadContext(table, endpoints, config.timezone(),
                config.tableNames().namespace(), table.schema(), bad));
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        return new ResultWrite(table, config, endpoints, info);
    }
}

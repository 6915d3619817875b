package org.enma.jobs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.BadCells;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.EnmaException;

/**
 * The {@code enma} Spark data source: {@code spark.read.format("enma").option("company", "1111111111")
 * .option("table", "consumption").load()} reads an ENMA table, {@code df.write.format("enma").option("ot", "OT950")}
 * writes an analytic's results. Registered by its short name through {@code META-INF/services}; it lives in {@code
 * enma-jobs.jar}, so nothing is installed on any HBase or Spark server. docs/spark.md is its guide.
 */
public final class EnmaSource implements TableProvider, DataSourceRegister {
    public static final String NAME = "enma";

    @Override
    public String shortName() {
        return NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return tableOf(options).schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
        SourceTable table = tableOf(options);
        EnmaConfig config = SourceOptions.config(options);
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        if (table.kind() != SourceTable.Kind.RESULTS) {
            requireExists(table, config, endpoints);
        }
        return new EnmaSparkTable(table, config, endpoints, options.get(SourceOptions.BAD_CELLS));
    }

    /**
     * A reader of this source that sees exactly {@code config} (not the process's own settings), counting the
     * measures it skips for a bad cell in {@code badCells}: how {@code EnmaData} hands its tables to SQL.
     */
    public static DataFrameReader reader(SparkSession spark, EnmaConfig config, BadCells badCells) {
        return spark.read().format(NAME).options(SourceOptions.of(config))
                .option(SourceOptions.BAD_CELLS, badCells.share());
    }

    /** A write names only {@code ot} (and {@code company}); a read names its {@code table}. */
    private static SourceTable tableOf(CaseInsensitiveStringMap options) {
        return options.containsKey(SourceOptions.TABLE) ? SourceOptions.table(options) : SourceOptions.results(options);
    }

    /** Refuses, by name, a table that is not there: a company without that table, a type never loaded. */
    static void requireExists(SourceTable table, EnmaConfig config, Endpoints endpoints) {
        try (var admin = SharedConnections.of(endpoints).getAdmin()) {
            if (!admin.tableExists(config.tableNames().of(table.table()))) {
                throw new EnmaException("enma source: table " + config.tableNames().of(table.table())
                        .getNameAsString() + " does not exist" + (table.company() == null ? ""
                        : " (company " + table.company() + " has no " + table.kind().optionName()
                        + (table.kind() == SourceTable.Kind.CONSUMPTION || table.kind() == SourceTable.Kind.PERIODS
                        ? " table of type " + table.table().name().substring(0, table.table().name().lastIndexOf('_'))
                        : " table") + ")"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach HBase to find " + table.table() + ": " + e.getMessage(), e);
        }
    }
}

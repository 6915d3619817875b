package org.enma.jobs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableKind;

/**
 * ENMA's tables as a Spark SQL catalog: {@code spark.sql.catalog.enma=org.enma.jobs.source.EnmaCatalog} shows one
 * namespace per company, {@code c<companyId>}, holding the tables that company can read, by the names a user knows
 * them by: its consumption types ({@code electricityConsumption}, {@code touElectricityConsumption}, ...), their
 * period tables ({@code electricityConsumptionPeriods}), {@code customers}, {@code stations}, {@code tariffs}, the
 * weather types (shared by all companies) and the analytics with results ({@code ot101}, ...). Settings come as
 * catalog options ({@code spark.sql.catalog.enma.hbase.quorum=...}) over the process's configuration. Read-only but
 * for results, which {@code INSERT INTO} cannot write (use {@code df.write.format("enma")}: a write needs a setup).
 */
public final class EnmaCatalog implements TableCatalog, SupportsNamespaces {
    /** The catalog's name where ENMA sets it up ({@code enma sql}): tables are {@code enma.c<companyId>.<table>}. */
    public static final String NAME = "enma";
    private static final String COMPANY_PREFIX = "c";

    /** Sets the catalog up in {@code spark} as {@value #NAME}, seeing exactly {@code config}'s stores. */
    public static void register(SparkSession spark, EnmaConfig config) {
        spark.conf().set("spark.sql.catalog." + NAME, EnmaCatalog.class.getName());
        SourceOptions.of(config).forEach((key, value) -> spark.conf().set("spark.sql.catalog." + NAME + "." + key,
                value));
    }

    /** The namespace of a company's tables: {@code c<companyId>}. */
    public static String namespaceOf(CompanyId company) {
        return COMPANY_PREFIX + company;
    }

    private String name;
    private EnmaConfig config;
    private Endpoints endpoints;

    @Override
    public void initialize(String name, CaseInsensitiveStringMap options) {
        this.name = name;
        this.config = SourceOptions.config(options);
        this.endpoints = Endpoints.resolve(config, StackLocator.forUser());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String[][] listNamespaces() {
        return namespacesOf(tables()).stream().map(c -> new String[] {c}).toArray(String[][]::new);
    }

    /** The namespaces of the companies that own one of {@code tables}: {@code c<companyId>}, sorted. */
    private static TreeSet<String> namespacesOf(List<EnmaTable> tables) {
        TreeSet<String> companies = new TreeSet<>();
        for (EnmaTable table : tables) {
            companyOf(table).ifPresent(c -> companies.add(namespaceOf(c)));
        }
        return companies;
    }

    @Override
    public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
        if (namespace.length == 0) {
            return listNamespaces();
        }
        company(namespace, tables());
        return new String[0][];
    }

    @Override
    public Map<String, String> loadNamespaceMetadata(String[] namespace) throws NoSuchNamespaceException {
        return Map.of("companyId", company(namespace, tables()).value());
    }

    @Override
    public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
        List<EnmaTable> tables = tables();
        CompanyId company = company(namespace, tables);
        List<Identifier> names = new ArrayList<>();
        for (EnmaTable table : tables) {
            Optional<CompanyId> owner = companyOf(table);
            if (owner.isEmpty() || owner.get().equals(company)) {
                names.add(Identifier.of(namespace, userName(table)));
            }
        }
        names.sort(java.util.Comparator.comparing(Identifier::name));
        return names.toArray(Identifier[]::new);
    }

    @Override
    public Table loadTable(Identifier ident) throws NoSuchTableException {
        List<EnmaTable> tables = tables();
        CompanyId company;
        try {
            company = company(ident.namespace(), tables);
        } catch (NoSuchNamespaceException e) {
            throw new NoSuchTableException(ident);
        }
        for (EnmaTable table : tables) {
            if (userName(table).equals(ident.name()) && companyOf(table).map(company::equals).orElse(true)) {
                return new EnmaSparkTable(sourceTable(table, company), config, endpoints, null);
            }
        }
        throw new NoSuchTableException(ident);
    }

    /** What the source reads for an ENMA table seen from a company's namespace. */
    private static SourceTable sourceTable(EnmaTable table, CompanyId company) {
        return switch (table.kind()) {
            case CONSUMPTION, TOU, TERTIARY -> new SourceTable(SourceTable.Kind.CONSUMPTION, table, company, null,
                    SourceTable.DEFAULT_TERTIARY_PERIODS);
            case PERIODS -> new SourceTable(SourceTable.Kind.PERIODS, table, company, null,
                    SourceTable.DEFAULT_TERTIARY_PERIODS);
            case WEATHER -> new SourceTable(SourceTable.Kind.WEATHER, table, null, null, 0);
            case CUSTOMERS -> new SourceTable(SourceTable.Kind.CUSTOMERS, table, company, null, 0);
            case STATIONS -> new SourceTable(SourceTable.Kind.STATIONS, table, company, null, 0);
            case TARIFFS -> new SourceTable(SourceTable.Kind.TARIFFS, table, company, null, 0);
            case RESULTS -> new SourceTable(SourceTable.Kind.RESULTS, table, company,
                    table.name().toUpperCase(java.util.Locale.ROOT), 0);
            case TRUST -> new SourceTable(SourceTable.Kind.TRUST, table, company, null, 0);
        };
    }

    /** The name a table has inside a company's namespace: without the {@code _<companyId>} of its HBase name. */
    private static String userName(EnmaTable table) {
        return companyOf(table).isPresent() ? table.name().substring(0, table.name().lastIndexOf('_')) : table.name();
    }

    /** The company a table belongs to; empty for the tables every company reads its own rows of (or shares). */
    private static Optional<CompanyId> companyOf(EnmaTable table) {
        TableKind kind = table.kind();
        if (kind.consumption() || kind == TableKind.PERIODS || kind == TableKind.TRUST) {
            return Optional.of(CompanyId.of(table.name().substring(table.name().lastIndexOf('_') + 1)));
        }
        return Optional.empty();
    }

    private List<EnmaTable> tables() {
        try (Admin admin = SharedConnections.of(endpoints).getAdmin()) {
            return config.tableNames().list(admin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list ENMA's tables in HBase: " + e.getMessage(), e);
        }
    }

    /** The company of a namespace that one of {@code tables} belongs to. */
    private static CompanyId company(String[] namespace, List<EnmaTable> tables) throws NoSuchNamespaceException {
        // only namespaces made from the tables' own company ids match: what follows the prefix is a company id
        if (namespace.length == 1 && namespacesOf(tables).contains(namespace[0])) {
            return CompanyId.of(namespace[0].substring(COMPANY_PREFIX.length()));
        }
        throw new NoSuchNamespaceException(namespace);
    }

    @Override
    public Table createTable(Identifier ident, StructType schema, Transform[] partitions,
                             Map<String, String> properties) {
        throw readOnly("create tables: `enma load` does, from CSV");
    }

    @Override
    public Table alterTable(Identifier ident, TableChange... changes) {
        throw readOnly("alter tables: their layout is ENMA's data model");
    }

    @Override
    public boolean dropTable(Identifier ident) {
        throw readOnly("drop tables");
    }

    @Override
    public void renameTable(Identifier oldIdent, Identifier newIdent) {
        throw readOnly("rename tables");
    }

    @Override
    public void createNamespace(String[] namespace, Map<String, String> metadata) {
        throw readOnly("create namespaces: a company's appears with its first load");
    }

    @Override
    public void alterNamespace(String[] namespace, NamespaceChange... changes) {
        throw readOnly("alter namespaces");
    }

    @Override
    public boolean dropNamespace(String[] namespace, boolean cascade) {
        throw readOnly("drop namespaces");
    }

    private static UnsupportedOperationException readOnly(String what) {
        return new UnsupportedOperationException("the enma catalog does not " + what);
    }
}

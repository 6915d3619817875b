package org.enma.jobs.read;

import java.io.IOException;
import java.sql.Date;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.source.EnmaSource;
import org.enma.jobs.source.SourceOptions;
import org.enma.jobs.source.SourceTable;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;
import org.enma.schema.TariffKey;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import scala.Tuple2;

/**
 * The ENMA tables as Spark data: what a job (or a data scientist in the Spark shell) reads. Measures come from one
 * Spark partition per region of the table, each scanning its buckets with the time range in the start and stop rows,
 * so a job over one month reads that month's rows and no others.
 *
 * <pre>
 * EnmaData data = EnmaData.open(spark, EnmaConfig.forProcess(Map.of()));
 * data.consumption(company, "electricityConsumption", Month.parse("201307"), Month.parse("201307"));
 * data.customers(company);
 * spark.sql("SELECT c.postalCode, SUM(m.v) FROM consumption m JOIN customers c USING (contractId) GROUP BY 1");
 * </pre>
 */
public final class EnmaData {
    public static final String CONSUMPTION_VIEW = "consumption";
    public static final String CUSTOMERS_VIEW = "customers";
    public static final String WEATHER_VIEW = "weather";
    public static final String STATIONS_VIEW = "stations";
    public static final String TARIFFS_VIEW = "tariffs";
    public static final String PERIODS_VIEW = "periods";

    private final SparkSession spark;
    private final EnmaConfig config;
    private final Endpoints endpoints;
    private final TableNames names;
    private final ZoneId zone;
    private final BadCells badCells = new BadCells();

    private EnmaData(SparkSession spark, EnmaConfig config, Endpoints endpoints) {
        this.spark = spark;
        this.config = config;
        this.endpoints = endpoints;
        this.names = config.tableNames();
        this.zone = config.timezone();
        spark.sparkContext().register(badCells, "measures skipped for a bad cell");
    }

    /** The tables of the cluster (or embedded stack) {@code config} points at. */
    public static EnmaData open(SparkSession spark, EnmaConfig config) {
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        endpoints.requireZooKeeperReachable();
        return new EnmaData(spark, config, endpoints);
    }

    public SparkSession spark() {
        return spark;
    }

    /** Where HBase and MongoDB are: what a Spark task needs to open its own connection ({@link SharedConnections}). */
    public Endpoints endpoints() {
        return endpoints;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Where bulk writes stage their HFiles ({@code bulk.staging}). */
    public String bulkStaging() {
        return config.bulkStaging();
    }

    /** Whether {@code table} exists (for inputs a job can do without, e.g. tariffs for {@code derive}). */
    public boolean exists(EnmaTable table) throws IOException {
        try (Admin admin = hbase().getAdmin()) {
            return admin.tableExists(names.of(table));
        }
    }

    /** The HBase name of {@code table}, or a message saying it does not exist and what fills it. */
    public TableName existing(EnmaTable table) throws IOException {
        TableName name = names.of(table);
        try (Admin admin = hbase().getAdmin()) {
            if (!admin.tableExists(name)) {
                throw new EnmaException("table " + name.getNameAsString() + " does not exist: load it first with"
                        + " `enma load " + table.kind().name().toLowerCase(java.util.Locale.ROOT) + " ...`");
            }
        }
        return name;
    }

    /**
     * The measures of a bucketed table (consumption or weather) whose timestamps lie in {@code times}: {@code m:v} and
     * what {@code fields} asks for. One partition per region; rows stream, nothing is cached. A measure with a number
     * cell that is no number is left out and counted in {@link #badCells()}. Validation's cells ({@code est},
     * {@code q}, {@code raw}) are asked only of a table that has been validated: {@code enma validate} creates its
     * trust table before it writes any, so a table without one has none, and a read of {@code v} alone costs the
     * region servers less than one that also looks for them (bench-jobs: OT101 about a tenth more).
     */
    public JavaRDD<Measure> measures(EnmaTable table, List<TimeRange> times, MeasureFields asked)
            throws IOException {
        String name = existing(table).getNameAsString();
        MeasureFields fields = table.kind().consumption() && asked.texts().stream()
                .anyMatch(MeasureColumns.VEE::contains) && !exists(EnmaTable.trustOf(table))
                ? asked.without(MeasureColumns.VEE) : asked;
        Endpoints where = endpoints;
        List<TimeRange> ranges = List.copyOf(times);
        BadCells bad = badCells;
        return Slices.of(spark.sparkContext(), BucketSlices.of(hbase(), TableName.valueOf(name)), ScanSlice::host,
                ScanSlice.class).mapPartitions(partition -> {
                    ScanSlice slice = partition.next();
                    MeasureScan scan = new MeasureScan(SharedConnections.of(where), TableName.valueOf(name), slice,
                            ranges, fields, Set.of(), bad);
                    Slices.closeWhenTaskEnds(scan);
                    return scan;
                });
    }

    /**
     * Consumption of months {@code from} … {@code to} as a Dataset of the {@code enma} data source (docs/spark.md
     * lists its columns: {@code contractId}, {@code timestamp}, {@code date}, {@code hour}, {@code v}, {@code va},
     * ...), also registered as the SQL view {@code consumption}. The months are the dates by the interval convention
     * in the configured timezone; they become the scan's time range, like any further filter on {@code timestamp},
     * {@code date} or {@code contractId}.
     */
    public Dataset<Row> consumption(CompanyId company, String type, Month from, Month to) {
        return view(months(source(SourceTable.Kind.CONSUMPTION, company)
                .option(SourceOptions.TYPE, type).load(), from, to), CONSUMPTION_VIEW);
    }

    /**
     * Weather measures of months {@code from} … {@code to} (e.g. {@code temperatureAir}), also registered as the SQL
     * view {@code weather}: {@code stationId}, {@code timestamp}, {@code date}, {@code hour}, {@code v} — the same
     * interval convention as consumption.
     */
    public Dataset<Row> weather(String weatherType, Month from, Month to) {
        return view(months(source(SourceTable.Kind.WEATHER).option(SourceOptions.TYPE, weatherType).load(), from, to),
                WEATHER_VIEW);
    }

    /**
     * The period table of a company's consumption table ({@code enma rollup}) as a Dataset, also registered as the SQL
     * view {@code periods}: one row per period — {@code contractId} (empty for the company total), {@code period}
     * ({@code HOUR} … {@code YEAR}), {@code start} (timestamp of the local start), {@code v}, {@code n}, {@code min},
     * {@code max}, {@code cost} (exact decimals), {@code np}, {@code ne} (estimates; null when none), and for a tou
     * or tertiary type the per-tariff-period sums {@code p1..pN}. Read by salt, sixteen partitions.
     */
    public Dataset<Row> periods(CompanyId company, String type) {
        return view(source(SourceTable.Kind.PERIODS, company).option(SourceOptions.TYPE, type).load(),
                PERIODS_VIEW);
    }

    /**
     * A company's customers as a Dataset, also registered as the SQL view {@code customers}: {@code contractId} and
     * one string column per customer attribute (null where the customer has none).
     */
    public Dataset<Row> customers(CompanyId company) {
        return view(source(SourceTable.Kind.CUSTOMERS, company).load(), CUSTOMERS_VIEW);
    }

    /** A company's weather stations, also the SQL view {@code stations}: {@code stationId} and the address fields. */
    public Dataset<Row> stations(CompanyId company) {
        return view(source(SourceTable.Kind.STATIONS, company).load(), STATIONS_VIEW);
    }

    /**
     * A company's tariff slots, also the SQL view {@code tariffs}: the key's {@code tariffId}, its four dates (as
     * dates) and {@code periodKey}, then the slot's fields ({@code flatRate} and {@code energyCost} as numbers).
     */
    public Dataset<Row> tariffs(CompanyId company) {
        return view(source(SourceTable.Kind.TARIFFS, company).load(), TARIFFS_VIEW);
    }

    private DataFrameReader source(SourceTable.Kind table) {
        return EnmaSource.reader(spark, config, badCells).option(SourceOptions.TABLE, table.optionName());
    }

    private DataFrameReader source(SourceTable.Kind table, CompanyId company) {
        return source(table).option(SourceOptions.COMPANY, company.value());
    }

    /** The measures of months {@code from} … {@code to}: dates by the interval convention, pushed into the scan. */
    private static Dataset<Row> months(Dataset<Row> measures, Month from, Month to) {
        return measures.where(functions.col("date").geq(functions.lit(Date.valueOf(from.value().atDay(1))))
                .and(functions.col("date").lt(functions.lit(Date.valueOf(to.value().plusMonths(1).atDay(1))))));
    }

    private static Dataset<Row> view(Dataset<Row> dataset, String name) {
        dataset.createOrReplaceTempView(name);
        return dataset;
    }

    /**
     * A company's customers as Spark data, by contractId: the attributes {@code attributes} (by name, e.g. {@code
     * postalCode}) of every customer that has one of them, read by region on the executors. A job joins it with its
     * per-contract data there.
     */
    public JavaPairRDD<String, Map<String, String>> customerAttributes(CompanyId company, Collection<String> attributes)
            throws IOException {
        List<RangeScan.Column> columns = new ArrayList<>();
        for (String attribute : new TreeSet<>(attributes)) {
            Family family = CustomerColumns.familyOf(attribute).orElseThrow(() -> new EnmaException(
                    "\"" + attribute + "\" is no customer attribute (docs/data-model.md § Customers lists them)"));
            columns.add(RangeScan.Column.of(family, attribute));
        }
        return RangeScan.rows(spark.sparkContext(), endpoints, existing(EnmaTable.customers()),
                        CompanyKey.range(company), columns)
                .mapToPair(row -> new Tuple2<>(CompanyKey.decode(row.key()).id(), row.cells()));
    }

    /** A company's tariff rows by key, read on the driver: one row per time slot of a tariff version. */
    public Map<TariffKey, Map<String, String>> tariffRows(CompanyId company) throws IOException {
        Map<TariffKey, Map<String, String>> tariffs = new HashMap<>();
        for (CompanyRows.Row row : CompanyRows.read(hbase(), existing(EnmaTable.tariffs()), company)) {
            tariffs.put(TariffKey.decode(row.key()), row.cells());
        }
        return tariffs;
    }

    /**
     * The measures every read of this EnmaData so far left out for a bad cell (known once the Spark actions over them
     * have run). A job reports them as skipped with reason {@code badCell}.
     */
    public BadCells.Seen badCells() {
        return badCells.value();
    }

    /** The driver's HBase connection (shared by the JVM: do not close it). */
    public Connection hbase() {
        return SharedConnections.of(endpoints);
    }

    /** Creates missing tables (result mirrors) as the configuration says: namespace, compression. */
    public TableCreator tableCreator(Admin admin) {
        return new TableCreator(admin, names, config.compression());
    }

}

package org.enma.jobs.read;

import java.io.IOException;
import java.sql.Date;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.common.IntervalConvention;
import org.enma.schema.CompanyId;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

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
    private static final ClassTag<ScanSlice> SLICE = ClassTag$.MODULE$.apply(ScanSlice.class);

    private final SparkSession spark;
    private final EnmaConfig config;
    private final Endpoints endpoints;
    private final TableNames names;
    private final ZoneId zone;

    private EnmaData(SparkSession spark, EnmaConfig config, Endpoints endpoints) {
        this.spark = spark;
        this.config = config;
        this.endpoints = endpoints;
        this.names = config.tableNames();
        this.zone = config.timezone();
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

    public ZoneId zone() {
        return zone;
    }

    public Endpoints endpoints() {
        return endpoints;
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
     * The measures of a bucketed table (consumption or weather) whose timestamps lie in {@code times}: {@code m:v},
     * and {@code m:va} too when {@code cumulative}. One partition per region; rows stream, nothing is cached.
     */
    public JavaRDD<Measure> measures(EnmaTable table, List<TimeRange> times, boolean cumulative) throws IOException {
        String name = existing(table).getNameAsString();
        List<Tuple2<ScanSlice, scala.collection.Seq<String>>> located = new ArrayList<>();
        for (ScanSlice slice : BucketSlices.of(hbase(), TableName.valueOf(name))) {
            located.add(new Tuple2<>(slice, JavaConverters.asScalaBuffer(
                    slice.host() == null ? List.<String>of() : List.of(slice.host())).toSeq()));
        }
        RDD<ScanSlice> slices = spark.sparkContext().makeRDD(JavaConverters.asScalaBuffer(located).toSeq(), SLICE);
        Endpoints where = endpoints;
        List<TimeRange> ranges = List.copyOf(times);
        return JavaRDD.fromRDD(slices, SLICE).mapPartitions(partition -> {
            List<Integer> buckets = new ArrayList<>();
            partition.forEachRemaining(s -> buckets.addAll(s.buckets()));
            MeasureScan scan = new MeasureScan(SharedConnections.of(where), TableName.valueOf(name), buckets, ranges,
                    cumulative);
            closeWhenTaskEnds(scan);
            return scan;
        });
    }

    /**
     * Consumption of months {@code from} … {@code to} as a Dataset, also registered as the SQL view {@code
     * consumption}: {@code contractId}, {@code timestamp} (epoch seconds, end of the interval), {@code v}, {@code va},
     * and, by the interval convention in the configured timezone, the {@code date} and {@code hour} it belongs to.
     */
    public Dataset<Row> consumption(CompanyId company, String type, Month from, Month to) throws IOException {
        ZoneId z = zone;
        JavaRDD<Row> rows = measures(EnmaTable.measuresOf(type, company),
                List.of(TimeRange.ofMonths(from, to, z)), true).map(m -> {
                    LocalDateTime local = IntervalConvention.localTimeOf(m.timestamp(), z);
                    return RowFactory.create(m.id(), m.timestamp(), m.v(), m.va(), Date.valueOf(local.toLocalDate()),
                            local.getHour());
                });
        StructType schema = new StructType(new StructField[]{
            DataTypes.createStructField("contractId", DataTypes.StringType, false),
            DataTypes.createStructField("timestamp", DataTypes.LongType, false),
            DataTypes.createStructField("v", DataTypes.DoubleType, true),
            DataTypes.createStructField("va", DataTypes.DoubleType, true),
            DataTypes.createStructField("date", DataTypes.DateType, false),
            DataTypes.createStructField("hour", DataTypes.IntegerType, false)});
        Dataset<Row> consumption = spark.createDataFrame(rows, schema);
        consumption.createOrReplaceTempView(CONSUMPTION_VIEW);
        return consumption;
    }

    /**
     * A company's customers as a Dataset, also registered as the SQL view {@code customers}: {@code contractId} and
     * one string column per attribute of DATA-MODEL.md (null where the customer has none).
     */
    public Dataset<Row> customers(CompanyId company) throws IOException {
        List<String> attributes = CustomerColumns.names();
        List<Row> rows = new ArrayList<>();
        for (Customer c : customerList(company)) {
            Object[] values = new Object[attributes.size() + 1];
            values[0] = c.contractId();
            for (int i = 0; i < attributes.size(); i++) {
                values[i + 1] = c.attributes().get(attributes.get(i));
            }
            rows.add(RowFactory.create(values));
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("contractId", DataTypes.StringType, false));
        attributes.forEach(a -> fields.add(DataTypes.createStructField(a, DataTypes.StringType, true)));
        Dataset<Row> customers = spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
        customers.createOrReplaceTempView(CUSTOMERS_VIEW);
        return customers;
    }

    /** A company's customers by contractId, read on the driver (the table is small next to the measures). */
    public Map<String, Map<String, String>> customerAttributes(CompanyId company) throws IOException {
        return customerList(company).stream().collect(Collectors.toMap(Customer::contractId, Customer::attributes));
    }

    private List<Customer> customerList(CompanyId company) throws IOException {
        return CustomerScan.read(hbase(), existing(EnmaTable.customers()), company);
    }

    /** The driver's HBase connection (shared by the JVM: do not close it). */
    public Connection hbase() {
        return SharedConnections.of(endpoints);
    }

    /** Creates missing tables (result mirrors) as the configuration says: namespace, compression. */
    public TableCreator tableCreator(Admin admin) {
        return new TableCreator(admin, names, config.compression());
    }

    private static void closeWhenTaskEnds(MeasureScan scan) {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> {
                try {
                    scan.close();
                } catch (IOException ignored) {
                    // a read-only scanner: closing it early or not at all loses nothing
                }
            });
        }
    }

}

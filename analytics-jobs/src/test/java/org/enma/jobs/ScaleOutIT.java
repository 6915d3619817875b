package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;
import org.enma.jobs.rollup.Rollup;
import org.enma.jobs.setup.SetupFile;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.Month;
import org.enma.schema.PeriodKey;
import org.enma.schema.ResultKey;
import org.enma.schema.TableNames;
import org.enma.store.ResultSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every job on a company of {@value #CONTRACTS} contracts under the test session's {@code spark.driver.maxResultSize}
 * of 1 MB (SharedSpark): a job that brings per-contract state to the driver — a task's map of every contract, a
 * result list, a set of contract-days — passes that limit here and fails. The figures are worked out by hand:
 *
 * <pre>
 * contract i = 0 … 5999, id S%05d, r = i mod 10: one reading at 12:00 UTC each day of January 2014 of v = 1 + r kWh
 *   (31 days, C = 31 × (1 + r)), and of January 2013 of v = 2 × (1 + r); postalCode P(i mod 3), tariffId T1,
 *   weatherStationId ST.
 * tariff T1: one slot P1 "all" every day and hour, 10 c/kWh, 1 Jan 2013 – 31 Dec 2014.
 * station ST: one temperature at 12:00 each day d of January 2014, d °C.
 * </pre>
 * Each postal code's contracts are i ≡ p (mod 3), whose r runs through 0 … 9 evenly: 2,000 contracts, 200 of each r.
 * Their mean C is 31 × 5.5 = 170.5; k = ceil(2,000 × 0.25) = 500, the 200 of r 0, the 200 of r 1 and 100 of r 2:
 * (200 × 31 + 200 × 62 + 100 × 93) / 500 = 27,900 / 500 = 55.8 — ties everywhere, spread over partitions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT extends JobsOnTestStack {
    static final int CONTRACTS = 6000;
    static final CompanyId COMPANY = CompanyId.of("6100000001");
    static final Month JAN_2014 = Month.of(2014, 1);

    @BeforeAll
    void company() throws IOException {
        CompanyFixture fixture = new CompanyFixture(stack, COMPANY)
                .tariffRow("T1", LocalDate.of(2013, 1, 1), LocalDate.of(2014, 12, 31), "P1", Map.of(
                        "timeSlotName", "all", "energyCost", "10", "flatRate", "3", "periodStart", "0101",
                        "periodEnd", "1231", "hourStart", "000000", "hourEnd", "000000",
                        "days", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"));
        for (int i = 0; i < CONTRACTS; i++) {
            String id = id(i);
            int v = 1 + i % 10;
            fixture.customer(id, "P" + i % 3, "T1").attribute(id, "weatherStationId", "ST")
                    .daily(id, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 1, 31), v)
                    .daily(id, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 1, 31), 2 * v);
        }
        for (int d = 1; d <= 31; d++) {
            fixture.temperature("ST", LocalDateTime.of(2014, 1, d, 12, 0), d);
        }
        fixture.write();
    }

    private static String id(int i) {
        return String.format("S%05d", i);
    }

    @Test
    @Order(1)
    void deriveRecordsEveryContractDayAndPricesEveryMeasure() {
        // 6,000 contracts × 62 days, one measure a day, all with an uploaded v, all in slot P1
        assertThat(DeriveLauncher.launch(config, COMPANY, Optional.empty(), Month.of(2013, 1), JAN_2014, note -> { })
                .summaryLine()).isEqualTo("measures=372000 derived=0 priced=372000 unpriced=0 ambiguous=0 resets=0"
                + " badCells=0");
    }

    @Test
    @Order(2)
    void theRollupOfDerivesDaysEqualsARebuildThatThenWritesNothing() throws IOException {
        // per contract: 62 HOUR rows (11:00), 62 DAY rows, and two WEEK rows starting before a day of data (Monday 31
        // December 2012, Monday 30 December 2013); MONTH, QUARTER and YEAR start on 1 January: 126 rows, and as many
        // company rows
        Rollup.Counts incremental = RollupLauncher.launch(config, COMPANY, Optional.empty(), Optional.empty());
        assertThat(incremental.line()).isEqualTo("days=372000 rows=" + (CONTRACTS + 1) * 126);
        Rollup.Counts rebuild = RollupLauncher.launch(config, COMPANY, Optional.empty(),
                Optional.of(List.of(Month.of(2013, 1), JAN_2014)));
        assertThat(rebuild.line()).isEqualTo("days=372000 rows=0");
        // January 2014 of the company: Σ 31 × (1 + r) = 31 × 600 × 55 = 1,023,000 kWh over 186,000 measures of 6,000
        // contracts, cost a tenth of it
        assertThat(companyTotal(LocalDateTime.of(2014, 1, 1, 0, 0), Family.MONTH)).isEqualTo(Map.of("v", "1023000",
                "n", "186000", "min", "1", "max", "10", "cost", "102300", "np", "186000", "c", "6000"));
    }

    @Test
    @Order(3)
    void ot101() {
        JobReport report = run("OT101");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        // S00000: C 31; (31 − 170.5)/170.5 = −81.818…%, (31 − 55.8)/55.8 = −44.444…%
        assertThat(fields("OT101", "S00000", report)).isEqualTo(ot101(31.0, 170.5, 55.8, -81.82, -44.44));
        // S00001 (P1): C 62; (62 − 170.5)/170.5 = −63.636…%, (62 − 55.8)/55.8 = 11.111…%
        assertThat(fields("OT101", "S00001", report)).isEqualTo(ot101(62.0, 170.5, 55.8, -63.64, 11.11));
        assertThat(stored("OT101", report)).isEqualTo(List.of(6000L, 6000L));
        // the contract months it cached to count and then compare are released with the run
        assertThat(spark.sparkContext().getPersistentRDDs().isEmpty()).isTrue();
    }

    @Test
    @Order(4)
    void ot103() {
        JobReport report = run("OT103");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        List<Document> months = new ArrayList<>();
        for (int m = 2; m <= 12; m++) {
            months.add(new Document("month", 201300 + m));
        }
        months.add(new Document("month", 201401).append("consumption", 31.0).append("averageConsumption", 170.5)
                .append("averageEffConsumption", 55.8));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("months", months);
        expected.put("totalConsumption", 31.0);
        expected.put("totalAverageConsumption", 170.5);
        expected.put("totalAverageEffConsumption", 55.8);
        assertThat(fields("OT103", "S00000", report)).isEqualTo(expected);
    }

    @Test
    @Order(5)
    void ot201() {
        JobReport report = run("OT201");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        // S00003 (r 3): 31 × 4 = 124 against 31 × 8 = 248: −50 %
        assertThat(fields("OT201", "S00003", report)).isEqualTo(Map.of("actualConsumption", 124.0,
                "previousConsumption", 248.0, "diffConsumption", -50.0));
    }

    @Test
    @Order(6)
    void ot501() {
        JobReport report = run("OT501");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        // S00009 (r 9): 31 × 10 = 310 kWh at 10 c = 31 €
        assertThat(fields("OT501", "S00009", report)).isEqualTo(Map.of("periods", List.of(new Document(Map.of(
                "periodKey", "P1", "timeSlotName", "all", "consumption", 310.0, "energyCost", 31.0))),
                "totalConsumption", 310.0, "totalEnergyCost", 31.0, "unpricedConsumption", 0.0));
    }

    @Test
    @Order(7)
    void ot503() {
        JobReport report = run("OT503");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        List<Document> days = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            days.add(new Document(Map.of("day", 20140100 + d, "consumption", 2.0, "temperature", (double) d)));
        }
        assertThat(fields("OT503", "S00001", report)).isEqualTo(Map.of("days", days));
    }

    @Test
    @Order(8)
    void ot603() {
        JobReport report = run("OT603");
        // one reading a day at 12:00: daily data has no hours
        assertThat(report.summaryLine()).startsWith("results=0 skipped=6000 ");
        assertThat(report.skipped()).isEqualTo(Map.of("noHours", 6000L));
    }

    @Test
    @Order(9)
    void ot701() {
        JobReport report = run("OT701");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        // 31 days with weather; a constant 1 kWh a day depends on no degree day: baseload 1, slopes 0, r² 1
        assertThat(fields("OT701", "S00000", report)).isEqualTo(Map.of("baseload", 1.0, "heatingSlope", 0.0,
                "coolingSlope", 0.0, "r2", 1.0, "numberOfDays", 31, "heatingShare", 0.0, "coolingShare", 0.0));
    }

    @Test
    @Order(10)
    void ot901() {
        JobReport report = run("OT901");
        assertThat(report.summaryLine()).startsWith("results=6000 skipped=0 ");
        // hour 11 is no night hour
        assertThat(fields("OT901", "S00002", report)).isEqualTo(Map.of("nightConsumption", 0.0,
                "totalConsumption", 93.0, "nightShare", 0.0));
    }

    @Test
    @Order(11)
    void aWriteBackOfEveryContract() {
        StructType schema = new StructType().add("contractId", DataTypes.StringType)
                .add("month", DataTypes.IntegerType).add("score", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            rows.add(RowFactory.create(id(i), 201401, (double) i));
        }
        spark.createDataFrame(rows, schema).repartition(4).write().format("enma").options(stack.settings())
                .option("company", COMPANY.value()).option("ot", "OT950").mode("append").save();
        assertThat(mongo.database().getCollection("OT950Results").countDocuments(
                Filters.eq("companyId", COMPANY.asNumber()))).isEqualTo(CONTRACTS);
        assertThat(mirrorRows("ot950")).isEqualTo(CONTRACTS);
    }

    @Test
    @Order(12)
    void aMonthWithoutDataHasNoResultsAndSucceeds() {
        JobReport report = run("OT101", COMPANY, Month.of(2013, 6));
        assertThat(report.summaryLine()).startsWith("results=0 skipped=0 ");
        assertThat(mongo.database().getCollection("jobRuns").find(Filters.and(Filters.eq("ot", "OT101"),
                Filters.eq("month", 201306))).first().getString("status")).isEqualTo("succeeded");
    }

    @Test
    @Order(13)
    void aCompanyWithoutCustomerRowsIsOneGroup() throws IOException {
        CompanyId bare = CompanyId.of("6100000002");
        CompanyFixture fixture = new CompanyFixture(stack, bare);
        for (int i = 0; i < 25; i++) {
            fixture.daily("B" + i, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 1, 31), i < 5 ? 1 : 2);
        }
        fixture.write();
        JobReport report = run("OT101", bare, JAN_2014);
        assertThat(report.summaryLine()).startsWith("results=25 skipped=0 ");
        // no attributes: only the whole company; 5 × 31 + 20 × 62 = 1,395 → 55.8; k = ceil(6.25) = 7:
        // 5 × 31 + 2 × 62 = 279 → 39.857…; B0: (31 − 55.8)/55.8 = −44.444…%, (31 − 39.857…)/39.857… = −22.222…%
        Document b0 = mongo.database().getCollection("OT101Results").find(Filters.eq("_id",
                new ResultKey(JAN_2014, bare, "B0", report.setupId()).toString())).first();
        assertThat(b0.getString("criteria")).isEqualTo("companyId");
        assertThat(b0.getDouble("averageConsumption")).isEqualTo(55.8);
        assertThat(b0.getDouble("averageEffConsumption")).isEqualTo(39.86);
        assertThat(b0.getDouble("diffAverageEffConsumption")).isEqualTo(-22.22);
        assertThat(b0.getInteger("numberCustomersEff")).isEqualTo(7);
    }

    /** {@code ot} for January 2014 with its default setup. */
    private JobReport run(String ot) {
        return run(ot, COMPANY, JAN_2014);
    }

    private JobReport run(String ot, CompanyId company, Month month) {
        Analytic analytic = Analytics.named(ot);
        return new JobRunner(mongo.database(), config, spark).run(analytic, new JobRequest(company,
                "electricityConsumption", month, SetupFile.read(Optional.empty(), ot, analytic.parameters())));
    }

    private Document result(String ot, String contract, JobReport report) {
        ResultKey key = new ResultKey(JAN_2014, COMPANY, contract, report.setupId());
        Document doc = mongo.database().getCollection(ResultSink.collectionOf(ot))
                .find(Filters.eq("_id", key.toString())).first();
        assertThat(doc).as("%s result of %s", ot, contract).isNotNull();
        return doc;
    }

    private Map<String, Object> fields(String ot, String contract, JobReport report) {
        Map<String, Object> fields = new LinkedHashMap<>(result(ot, contract, report));
        List.of("_id", "contractId", "companyId", "month", "setupId").forEach(fields::remove);
        return fields;
    }

    /** The run's documents in MongoDB and rows in the mirror. */
    private List<Long> stored(String ot, JobReport report) {
        long documents = mongo.database().getCollection(ResultSink.collectionOf(ot))
                .countDocuments(Filters.eq("setupId", report.setupId().value()));
        return List.of(documents, (long) mirrorRows(ot.toLowerCase(java.util.Locale.ROOT)));
    }

    private int mirrorRows(String table) {
        int rows = 0;
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace()).of(EnmaTable.results(table)));
             ResultScanner scanner = t.getScanner(new Scan().setRowPrefixFilter(
                     ("201401~" + COMPANY.value() + "~").getBytes(StandardCharsets.UTF_8)))) {
            for (Result ignored : scanner) {
                rows++;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    private Map<String, String> companyTotal(LocalDateTime start, Family family) throws IOException {
        Map<String, String> cells = new TreeMap<>();
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace()).of(EnmaTable.periodsOf(
                EnmaTable.consumption("electricityConsumption", COMPANY))))) {
            Result row = t.get(new Get(PeriodKey.companyTotal(start).encode()).addFamily(family.bytes()));
            for (Cell cell : row.rawCells()) {
                cells.put(new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8),
                        new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
            }
        }
        return cells;
    }

    private static Map<String, Object> ot101(double consumption, double average, double efficient, double diff,
                                             double diffEff) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("consumption", consumption);
        expected.put("consumptionNumberOfDays", 31);
        expected.put("averageConsumption", average);
        expected.put("averageEffConsumption", efficient);
        expected.put("diffAverageConsumption", diff);
        expected.put("diffAverageEffConsumption", diffEff);
        expected.put("numberCustomers", 2000);
        expected.put("numberCustomersEff", 500);
        expected.put("criteria", "postalCode + tariffId");
        return expected;
    }
}

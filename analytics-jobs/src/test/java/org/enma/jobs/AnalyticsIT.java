package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bson.Document;
import org.enma.config.EnmaConfig;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.TableNames;
import org.enma.store.ResultDocument;
import org.enma.store.ResultReader;
import org.enma.store.ResultSink;
import org.enma.store.Retention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OT jobs end to end on the shared mini cluster, Mongo server and SparkSession, against a hand-made company whose
 * expected results are worked out in the comments. February 2013 has 28 days, February 2012 has 29.
 *
 * <pre>
 * contract  customers        Jan 2013            Feb 2013                    Feb 2012
 * A         08001, T1        31 × 2 = 62 (*)     28 × 1 = 28 (*)             29 × 1 = 29
 * B         08001, T1        31 × 2 = 62         28 × 2 = 56                 10 × 1 (partial)
 * C         08001, T1        —                   14 × 3 = 42 (partial)       —
 * D         08002, no tariff —                   28 × 4 = 112                29 × 2 = 58
 * E         08001, T1        —                   —                           —
 * F         (not a customer) —                   28 × 1.5 = 42               —
 * (*) the last day's reading is stamped 00:00 of the next month: by the interval convention it belongs to the
 *     last day. A also has a reading on 15 March (never read by a February job).
 * </pre>
 */
class AnalyticsIT extends JobsOnTestStack {
    static final CompanyId COMPANY = CompanyId.of("1111111111");
    static final Month FEB_2013 = Month.of(2013, 2);
    /** Two members make a group here, the efficient half of a group is its lowest ceil(n / 2). */
    static final Map<String, Object> SETUP = Map.of(
            "criteria", List.of(List.of("postalCode", "tariffId"), List.of()),
            "minGroupSize", 2, "efficientShare", 0.5);

    @BeforeAll
    void company() throws IOException {
        new CompanyFixture(stack, COMPANY)
                .customer("A", "08001", "T1").customer("B", "08001", "T1").customer("C", "08001", "T1")
                .customer("D", "08002", null).customer("E", "08001", "T1")
                .daily("A", LocalDate.of(2013, 1, 1), LocalDate.of(2013, 1, 30), 2)
                .reading("A", LocalDateTime.of(2013, 2, 1, 0, 0), 2)
                .daily("A", LocalDate.of(2013, 2, 1), LocalDate.of(2013, 2, 27), 1)
                .reading("A", LocalDateTime.of(2013, 3, 1, 0, 0), 1)
                .reading("A", LocalDateTime.of(2013, 3, 15, 12, 0), 50)
                .daily("A", LocalDate.of(2012, 2, 1), LocalDate.of(2012, 2, 29), 1)
                .daily("B", LocalDate.of(2013, 1, 1), LocalDate.of(2013, 1, 31), 2)
                .daily("B", LocalDate.of(2013, 2, 1), LocalDate.of(2013, 2, 28), 2)
                .daily("B", LocalDate.of(2012, 2, 1), LocalDate.of(2012, 2, 10), 1)
                .daily("C", LocalDate.of(2013, 2, 1), LocalDate.of(2013, 2, 14), 3)
                .daily("D", LocalDate.of(2013, 2, 1), LocalDate.of(2013, 2, 28), 4)
                .daily("D", LocalDate.of(2012, 2, 1), LocalDate.of(2012, 2, 29), 2)
                .daily("F", LocalDate.of(2013, 2, 1), LocalDate.of(2013, 2, 28), 1.5)
                .write();
    }

    @Test
    void readerReadsOneMonthInOnePartitionPerRegion() throws IOException {
        EnmaData data = EnmaData.open(spark, config);
        var february = data.measures(EnmaTable.consumption("electricityConsumption", COMPANY),
                List.of(TimeRange.ofMonth(FEB_2013, config.timezone())), MeasureFields.INSTANT);
        // the table is pre-split into 10 regions
        assertThat(february.getNumPartitions()).isEqualTo(10);
        // A 28 (27 at noon + 1 March 00:00), B 28, C 14, D 28, F 28; not A's 1 Feb 00:00 (January) nor 15 March
        assertThat(february.count()).isEqualTo(126);
    }

    @Test
    void consumptionAndCustomersAreSqlViews() throws IOException {
        EnmaData data = EnmaData.open(spark, config);
        data.consumption(COMPANY, "electricityConsumption", FEB_2013, FEB_2013);
        data.customers(COMPANY);
        List<String> perContract = spark.sql("SELECT contractId, COUNT(DISTINCT date), SUM(v), MAX(hour)"
                + " FROM consumption GROUP BY contractId ORDER BY contractId").collectAsList()
                .stream().map(Row::toString).toList();
        // readings at noon belong to hour 11; A's 1 March 00:00 reading to 28 February, hour 23
        assertThat(perContract).containsExactly("[A,28,28.0,23]", "[B,28,56.0,11]", "[C,14,42.0,11]",
                "[D,28,112.0,11]", "[F,28,42.0,11]");
        List<String> byPostalCode = spark.sql("SELECT c.postalCode, SUM(m.v) FROM consumption m"
                + " JOIN customers c USING (contractId) GROUP BY c.postalCode ORDER BY 1").collectAsList()
                .stream().map(Row::toString).toList();
        // 08001: A 28 + B 56 + C 42 = 126; 08002: D 112; F is no customer
        assertThat(byPostalCode).containsExactly("[08001,126.0]", "[08002,112.0]");
        assertThat(spark.sql("SELECT contractId, tariffId FROM customers ORDER BY contractId").collectAsList()
                .stream().map(Row::toString).toList())
                .containsExactly("[A,T1]", "[B,T1]", "[C,T1]", "[D,null]", "[E,T1]");
    }

    @Test
    void weatherStationsAndTariffsAreSqlViewsToo() throws IOException {
        CompanyId company = CompanyId.of("4444444444");
        new CompanyFixture(stack, company)
                .station("ST1", "Barcelona")
                .tariffSlot("T1", "P1", "12.5", "080000", "220000")
                .tariffSlot("T1", "P2", "7.25", "220000", "080000")
                .temperature("ST1", LocalDateTime.of(2013, 2, 1, 0, 0), 4.0)     // 31 January, hour 23
                .temperature("ST1", LocalDateTime.of(2013, 2, 1, 13, 0), 11.0)   // 1 February, hour 12
                .temperature("ST1", LocalDateTime.of(2013, 2, 2, 13, 0), 13.0)
                .write();
        EnmaData data = EnmaData.open(spark, config);
        data.weather("temperatureAir", FEB_2013, FEB_2013);
        data.stations(company);
        data.tariffs(company);
        assertThat(spark.sql("SELECT s.city, w.date, AVG(w.v) FROM weather w JOIN stations s USING (stationId)"
                + " GROUP BY s.city, w.date ORDER BY w.date").collectAsList().stream().map(Row::toString).toList())
                .containsExactly("[Barcelona,2013-02-01,11.0]", "[Barcelona,2013-02-02,13.0]");
        assertThat(spark.sql("SELECT periodKey, energyCost * 2, hourStart, dateEnd_energyCost FROM tariffs"
                + " ORDER BY periodKey").collectAsList().stream().map(Row::toString).toList())
                .containsExactly("[P1,25.0,080000,2013-12-31]", "[P2,14.5,220000,2013-12-31]");
    }

    @Test
    void ot101ComparesEachContractWithItsGroup() {
        JobReport report = run("OT101", COMPANY, SETUP);
        assertThat(report.results()).isEqualTo(5);
        assertThat(report.skippedTotal()).isZero();
        // (08001, T1) members: A 28, B 56 (C is partial) → n 2, mean 42, k 1, efficient mean 28
        assertThat(fieldsOf(result("OT101", "A", report))).isEqualTo(ot101(28.0, 28, 42.0, 28.0, -33.33, 0.0, 2, 1,
                "postalCode + tariffId"));
        assertThat(fieldsOf(result("OT101", "B", report))).isEqualTo(ot101(56.0, 28, 42.0, 28.0, 33.33, 100.0, 2, 1,
                "postalCode + tariffId"));
        // C: 14 of 28 days → averages × 0.5: 21 and 14; (42 − 21)/21 = 100 %, (42 − 14)/14 = 200 %
        assertThat(fieldsOf(result("OT101", "C", report))).isEqualTo(ot101(42.0, 14, 21.0, 14.0, 100.0, 200.0, 2, 1,
                "postalCode + tariffId"));
        // whole company, complete months A 28, B 56, D 112, F 42: mean 238/4 = 59.5; k 2: A, F → 35
        // D: 112/59.5 − 1 = 88.235…%, 112/35 − 1 = 220 %; F: 42/59.5 − 1 = −29.411…%, 42/35 − 1 = 20 %
        assertThat(fieldsOf(result("OT101", "D", report))).isEqualTo(ot101(112.0, 28, 59.5, 35.0, 88.24, 220.0, 4, 2,
                "companyId"));
        assertThat(fieldsOf(result("OT101", "F", report))).isEqualTo(ot101(42.0, 28, 59.5, 35.0, -29.41, 20.0, 4, 2,
                "companyId"));
    }

    @Test
    void contractsWithoutAGroupAreCountedAsSkipped() {
        JobReport report = run("OT101", COMPANY, Map.of("criteria", List.of(List.of("postalCode", "tariffId")),
                "minGroupSize", 2, "efficientShare", 0.5));
        // D lacks tariffId, F is no customer: no criterion left for them
        assertThat(report.results()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(Map.of("noGroup", 2L));
        assertThat(report.contractsSeen()).isEqualTo(5);
        Document run = mongo.database().getCollection("jobRuns")
                .find(Filters.eq("setupId", report.setupId().value())).first();
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.get("skipped", Document.class)).isEqualTo(new Document("noGroup", 2L));
    }

    @Test
    void ot103ListsTwelveMonthsWithTotals() {
        JobReport report = run("OT103", COMPANY, SETUP);
        assertThat(report.results()).isEqualTo(5);
        // January's (08001, T1) group: A 62, B 62 → mean 62; k 1, tie broken by contractId → A → 62
        assertThat(fieldsOf(result("OT103", "A", report))).isEqualTo(ot103(List.of(
                entry(201301, 62.0, 62.0, 62.0), entry(201302, 28.0, 42.0, 28.0)), 90.0, 104.0, 90.0));
        assertThat(fieldsOf(result("OT103", "B", report))).isEqualTo(ot103(List.of(
                entry(201301, 62.0, 62.0, 62.0), entry(201302, 56.0, 42.0, 28.0)), 118.0, 104.0, 90.0));
        assertThat(fieldsOf(result("OT103", "D", report))).isEqualTo(ot103(List.of(
                new Document("month", 201301), entry(201302, 112.0, 59.5, 35.0)), 112.0, 59.5, 35.0));
    }

    @Test
    void ot201ComparesCompleteMonthsAYearApart() {
        JobReport report = run("OT201", COMPANY, Map.of());
        // A: 28 vs 29 → −3.448…%; D: 112 vs 58 → +93.103…%; B (partial 2012), C (partial 2013), F (no 2012) skipped
        assertThat(report.results()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(Map.of("incompleteMonth", 3L));
        assertThat(fieldsOf(result("OT201", "A", report))).isEqualTo(Map.of("actualConsumption", 28.0,
                "previousConsumption", 29.0, "diffConsumption", -3.45));
        assertThat(fieldsOf(result("OT201", "D", report))).isEqualTo(Map.of("actualConsumption", 112.0,
                "previousConsumption", 58.0, "diffConsumption", 93.1));
    }

    @Test
    void rerunningChangesNothingAndTheMirrorHoldsTheSameDocuments() throws IOException {
        JobReport first = run("OT101", COMPANY, SETUP);
        List<Document> before = inMongo("OT101", first);
        JobReport second = run("OT101", COMPANY, SETUP);
        assertThat(second.setupId()).isEqualTo(first.setupId());
        assertThat(inMongo("OT101", second)).isEqualTo(before).hasSize(5);
        assertThat(mirrorRows("ot101", first)).isEqualTo(5);
        // with MongoDB's copies purged, the reader rebuilds the very same documents from the HBase mirror
        ResultReader reader = new ResultReader(mongo.database(), stack.connection(), new TableNames(stack.namespace()));
        new Retention(mongo.database()).purgeBefore(Month.of(2013, 3));
        assertThat(inMongo("OT101", first)).isEmpty();
        List<Document> fromMirror = new ArrayList<>(reader.month("OT101", COMPANY, FEB_2013, java.util.Optional.empty(),
                0, 100).items());
        fromMirror.removeIf(d -> !d.getString("setupId").equals(first.setupId().value()));
        assertThat(fromMirror).isEqualTo(before);
        run("OT101", COMPANY, SETUP);
    }

    @Test
    void aMissingInputTableFailsTheRunAndARerunAfterTheFixCompletes() throws IOException {
        CompanyId late = CompanyId.of("2222222222");
        assertThatThrownBy(() -> run("OT201", late, Map.of()))
                .isInstanceOf(EnmaException.class)
                .hasMessageContaining("OT201 failed: table")
                .hasMessageContaining("electricityConsumption_2222222222 does not exist");
        Document failed = mongo.database().getCollection("jobRuns").find(Filters.eq("companyId", 2222222222L)).first();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("electricityConsumption_2222222222 does not exist");

        new CompanyFixture(stack, late)
                .daily("K", LocalDate.of(2012, 2, 1), LocalDate.of(2012, 2, 29), 1)
                .daily("K", LocalDate.of(2013, 2, 1), LocalDate.of(2013, 2, 28), 1)
                .write();
        JobReport report = run("OT201", late, Map.of());
        assertThat(report.results()).isEqualTo(1);
        assertThat(inMongo("OT201", report)).hasSize(1);
        assertThat(mirrorRows("ot201", report)).isEqualTo(1);
    }

    @Test
    void aRerunOverwritesWhatAnInterruptedRunLeftBehind() throws IOException {
        JobReport report = run("OT201", COMPANY, Map.of());
        // an earlier, interrupted run left wrong values under the same keys in both stores
        ResultKey key = new ResultKey(FEB_2013, COMPANY, "A", report.setupId());
        new ResultSink(mongo.database(), stack.connection(), new org.enma.schema.TableCreator(
                stack.connection().getAdmin(), new TableNames(stack.namespace()),
                org.apache.hadoop.hbase.io.compress.Compression.Algorithm.NONE))
                .write("OT201", List.of(new ResultDocument(key, Map.of("actualConsumption", -1.0,
                        "previousConsumption", -1.0, "diffConsumption", -1.0))));
        run("OT201", COMPANY, Map.of());
        assertThat(inMongo("OT201", report)).hasSize(2);
        assertThat(mirrorRows("ot201", report)).isEqualTo(2);
        assertThat(fieldsOf(result("OT201", "A", report))).containsEntry("actualConsumption", 28.0);
        ResultReader reader = new ResultReader(mongo.database(), stack.connection(), new TableNames(stack.namespace()));
        new Retention(mongo.database()).purgeBefore(Month.of(2013, 3));
        assertThat(reader.contract("OT201", COMPANY, "A", FEB_2013, FEB_2013)).singleElement()
                .satisfies(d -> assertThat(d.getDouble("actualConsumption")).isEqualTo(28.0));
    }

    @Test
    void theGuidesExampleAnalyticRunsOnTheSqlViews() throws IOException {
        CompanyId company = CompanyId.of("3333333333");
        CompanyFixture fixture = new CompanyFixture(stack, company);
        for (int day = 1; day <= 28; day++) {
            fixture.reading("N", LocalDateTime.of(2013, 2, day, 3, 0), 1);   // hour 2: night
            fixture.reading("N", LocalDateTime.of(2013, 2, day, 15, 0), 3);  // hour 14
        }
        fixture.reading("N", LocalDateTime.of(2013, 2, 11, 0, 0), 2)       // 10 Feb, hour 23
                .reading("N", LocalDateTime.of(2013, 2, 11, 6, 0), 1)       // 05:59:59 → hour 5: night
                .reading("Z", LocalDateTime.of(2013, 2, 10, 7, 0), 0)
                .write();
        JobReport report = run("OT901", company, Map.of());
        // night 28 + 1 = 29, total 28 + 84 + 2 + 1 = 115 → 25.217…%; Z used nothing
        assertThat(report.skipped()).isEqualTo(Map.of("noConsumption", 1L));
        assertThat(fieldsOf(result("OT901", company, "N", report))).isEqualTo(Map.of("nightConsumption", 29.0,
                "totalConsumption", 115.0, "nightShare", 25.22));
    }

    @Test
    void anUnreachableMongoStopsTheRunBeforeSparkReads() {
        EnmaConfig down = config.with(org.enma.config.Setting.MONGO_URI, "mongodb://127.0.0.1:1");
        assertThatThrownBy(() -> JobLauncher.launch(down, "OT101", COMPANY, Optional.empty(), FEB_2013,
                Optional.empty()))
                .isInstanceOf(EnmaException.class)
                .hasMessageStartingWith("OT101 failed: cannot reach MongoDB at mongodb://127.0.0.1:1: Timed out while"
                        + " waiting for a server")
                // one line: the driver's dump of its view of the cluster is left out
                .hasMessageNotContaining("Client view");
    }

    private JobReport run(String ot, CompanyId company, Map<String, Object> parameters) {
        return new JobRunner(mongo.database(), config, spark).run(Analytics.named(ot),
                new JobRequest(company, "electricityConsumption", FEB_2013, parameters));
    }

    private Document result(String ot, String contract, JobReport report) {
        return result(ot, COMPANY, contract, report);
    }

    private Document result(String ot, CompanyId company, String contract, JobReport report) {
        ResultKey key = new ResultKey(FEB_2013, company, contract, report.setupId());
        Document doc = collection(ot).find(Filters.eq("_id", key.toString())).first();
        assertThat(doc).as("result of %s", contract).isNotNull();
        return doc;
    }

    private List<Document> inMongo(String ot, JobReport report) {
        return collection(ot).find(Filters.eq("setupId", report.setupId().value())).sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private int mirrorRows(String table, JobReport report) throws IOException {
        int rows = 0;
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace()).of(EnmaTable.results(table)));
             ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                if (ResultKey.decode(r.getRow()).setupId().equals(report.setupId())) {
                    rows++;
                }
            }
        }
        return rows;
    }

    private MongoCollection<Document> collection(String ot) {
        MongoDatabase db = mongo.database();
        return db.getCollection(ResultSink.collectionOf(ot));
    }

    private static Map<String, Object> fieldsOf(Document doc) {
        Map<String, Object> fields = new LinkedHashMap<>(doc);
        List.of("_id", "contractId", "companyId", "month", "setupId").forEach(fields::remove);
        return fields;
    }

    private static Map<String, Object> ot101(double consumption, int days, double average, double efficient,
                                             double diff, double diffEff, int n, int k, String criteria) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("consumption", consumption);
        expected.put("consumptionNumberOfDays", days);
        expected.put("averageConsumption", average);
        expected.put("averageEffConsumption", efficient);
        expected.put("diffAverageConsumption", diff);
        expected.put("diffAverageEffConsumption", diffEff);
        expected.put("numberCustomers", n);
        expected.put("numberCustomersEff", k);
        expected.put("criteria", criteria);
        return expected;
    }

    /** The twelve entries March 2012 … February 2013: the months before {@code last} carry only their month. */
    private static Map<String, Object> ot103(List<Document> last, double total, double average, double efficient) {
        List<Document> months = new ArrayList<>();
        for (int m = 3; m <= 12; m++) {
            months.add(new Document("month", 201200 + m));
        }
        months.addAll(last);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("months", months);
        expected.put("totalConsumption", total);
        expected.put("totalAverageConsumption", average);
        expected.put("totalAverageEffConsumption", efficient);
        return expected;
    }

    private static Document entry(int month, double consumption, double average, double efficient) {
        return new Document("month", month).append("consumption", consumption)
                .append("averageConsumption", average).append("averageEffConsumption", efficient);
    }
}

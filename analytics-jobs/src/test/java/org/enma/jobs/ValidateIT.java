package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.bson.Document;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.TimeRange;
import org.enma.jobs.validate.ValidateCounts;
import org.enma.schema.CompanyId;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.PeriodKey;
import org.enma.schema.TableNames;
import org.enma.schema.TrustKey;
import org.enma.store.JobRuns;
import org.enma.store.RollupPending;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enma validate} on a hand-made company, February 2014 (UTC), tariff TT "flat" at 10 c all day.
 *
 * <pre>
 * A (TT): hourly, 1 January – 10 February; the reading ending at hour h holds 1 + (h mod 3) / 10 (1, 1.1, 1.2, ...);
 *    5 Feb 10:00 holds 50 (a spike: the median of the 28 days before is 1.1); 6 Feb 10:00–12:00 missing (3 hours).
 * Q: quarter-hourly, 1 – 2 February, va the running total from 1000; the quarter ending at minute m of the day holds
 *    0.25, 0.26, 0.27 by (m / 15) mod 3, except 2 Feb 10:15 and 10:30 (0.3 each), 10:45 and 11:00 (0.2 each);
 *    2 Feb 10:15, 10:30 and 10:45 missing.
 * </pre>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidateIT extends JobsOnTestStack {
    static final CompanyId COMPANY = CompanyId.of("6200000001");
    /** A company never validated: it has no trust table. */
    static final CompanyId OTHER = CompanyId.of("6200000002");
    private static final Month FEB_2014 = Month.of(2014, 2);
    private static final LocalDate FEB_2 = LocalDate.of(2014, 2, 2);
    private static final LocalDate FEB_5 = LocalDate.of(2014, 2, 5);
    private static final LocalDate FEB_6 = LocalDate.of(2014, 2, 6);

    @BeforeAll
    void company() throws IOException {
        CompanyFixture fixture = new CompanyFixture(stack, COMPANY).customer("A", "08001", "TT")
                .tariffRow("TT", LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31), "P1", Map.of("timeSlotName",
                        "flat", "energyCost", "10", "flatRate", "3", "periodStart", "0101", "periodEnd", "1231",
                        "hourStart", "000000", "hourEnd", "000000", "days", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"));
        for (LocalDateTime t = LocalDateTime.of(2014, 1, 1, 1, 0); !t.isAfter(LocalDateTime.of(2014, 2, 11, 0, 0));
             t = t.plusHours(1)) {
            boolean gap = t.toLocalDate().equals(FEB_6) && t.getHour() >= 10 && t.getHour() <= 12;
            if (!gap) {
                String v = t.equals(FEB_5.atTime(10, 0)) ? "50" : List.of("1", "1.1", "1.2").get(hourOf(t) % 3);
                fixture.measure("A", t, "v", v, "calc", "0");
            }
        }
        BigDecimal va = new BigDecimal("1000");
        for (LocalDateTime t = LocalDateTime.of(2014, 2, 1, 0, 15); !t.isAfter(LocalDateTime.of(2014, 2, 3, 0, 0));
             t = t.plusMinutes(15)) {
            int quarter = t.getHour() * 4 + t.getMinute() / 15;
            boolean second = t.toLocalDate().equals(FEB_2);
            String v = second && (quarter == 41 || quarter == 42) ? "0.3" : second && (quarter == 43 || quarter == 44)
                    ? "0.2" : List.of("0.25", "0.26", "0.27").get(quarter % 3);
            va = va.add(new BigDecimal(v));
            if (!(second && quarter >= 41 && quarter <= 43)) {
                fixture.measure("Q", t, "v", v, "calc", "0", "va", va.toPlainString());
            }
        }
        fixture.write();
        new CompanyFixture(stack, OTHER).measure("Z", LocalDateTime.of(2014, 2, 1, 1, 0), "v", "1", "calc", "0")
                .write();
    }

    /** The hour a reading ends at, 24 for midnight. */
    private static int hourOf(LocalDateTime t) {
        return t.getHour() == 0 ? 24 : t.getHour();
    }

    @Test
    @Order(1)
    void aBadThresholdIsRefusedByNameBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path setup = Files.writeString(dir.resolve("setup.json"), "{\"spikeFactor\": 0}");
        assertThatThrownBy(() -> validate(Optional.of(setup))).isInstanceOf(EnmaException.class)
                .hasMessageContaining("setup parameter \"spikeFactor\" must be above 0, was 0.0");
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"spikeFactr\": 5}");
        assertThatThrownBy(() -> validate(Optional.of(unknown))).isInstanceOf(EnmaException.class)
                .hasMessageContaining("unknown parameter \"spikeFactr\"");
        assertThat(stack.connection().getAdmin().tableExists(trustTable())).as("nothing written").isFalse();
    }

    @Test
    @Order(2)
    void aSpikeAndGapsAreEstimatedPricedAndCountedInTheTrustTable() throws IOException {
        ValidateCounts counts = validate(Optional.empty());
        // A: 1–10 Feb, 240 intervals, 237 measures; Q: 1–2 Feb, 192 intervals, 189 measures
        assertThat(counts.summaryLine()).isEqualTo("days=12 measures=426 suspect=1 estimated=7 missing=0");
        Map<String, Map<String, String>> cells = cells(consumption());
        Map<String, String> flat = Map.of("timeSlotName", "flat", "energyCost", "10", "flatRate", "3",
                "periodKey", "P1");
        // between 1 (9:00) and 1.2 (11:00); the estimate is priced, the upload kept in raw
        assertThat(cells.get(key("A", FEB_5.atTime(10, 0)))).isEqualTo(with(with(with(with(with(flat, "v", "1.1"),
                "calc", "1"), "est", "linear"), "q", "spike"), "raw", "50"));
        // 3 hours > 2: like days 30, 23, 16 and 9 January hold 1.1, 1.2 and 1 at 10, 11 and 12 o'clock
        Map<String, String> priced = with(with(flat, "calc", "1"), "est", "likeDay");
        assertThat(cells.get(key("A", FEB_6.atTime(10, 0)))).isEqualTo(with(priced, "v", "1.1"));
        assertThat(cells.get(key("A", FEB_6.atTime(11, 0)))).isEqualTo(with(priced, "v", "1.2"));
        assertThat(cells.get(key("A", FEB_6.atTime(12, 0)))).isEqualTo(with(priced, "v", "1"));
        // va(11:00) − va(10:00) − v(11:00) = 1.0 − 0.2 = 0.8 over 3; Q has no customer, so no tariff
        assertThat(cells.get(key("Q", FEB_2.atTime(10, 15)))).isEqualTo(Map.of("v", "0.267", "calc", "1",
                "est", "linear"));
        assertThat(cells.get(key("Q", FEB_2.atTime(10, 30)))).containsEntry("v", "0.267");
        assertThat(cells.get(key("Q", FEB_2.atTime(10, 45)))).containsEntry("v", "0.266");

        Map<String, Map<String, String>> trust = cells(trustTable());
        assertThat(trust.get(new TrustKey("A", FEB_5).toString())).isEqualTo(Map.of("interval", "3600",
                "expected", "24", "actual", "23", "estimated", "1", "suspect", "1", "missing", "0", "spike", "1"));
        assertThat(trust.get(new TrustKey("Q", FEB_2).toString())).isEqualTo(Map.of("interval", "900",
                "expected", "96", "actual", "93", "estimated", "3", "suspect", "0", "missing", "0"));
        // the company's day sums its contracts'; their intervals differ, so its interval is 0
        assertThat(trust.get(TrustKey.companyTotal(FEB_2).toString())).isEqualTo(Map.of("interval", "0",
                "expected", "120", "actual", "117", "estimated", "3", "suspect", "0", "missing", "0", "c", "2"));
        assertThat(trust.get(TrustKey.companyTotal(FEB_6).toString())).isEqualTo(Map.of("interval", "3600",
                "expected", "24", "actual", "21", "estimated", "3", "suspect", "0", "missing", "0", "c", "1"));
        // A's 10 days, Q's 2, the company's 10
        assertThat(trust).hasSize(22);

        assertThat(new RollupPending(mongo.database()).take(consumption().getNameAsString()))
                .extracting(RollupPending.Taken::day).containsExactlyInAnyOrder(FEB_2, FEB_5, FEB_6);
        Document run = mongo.database().getCollection(JobRuns.COLLECTION).find(new Document("ot", "validate")
                .append("companyId", COMPANY.asNumber()).append("status", "succeeded")).first();
        assertThat(run).isNotNull();
        assertThat(run.getLong("estimated")).isEqualTo(7L);
    }

    @Test
    @Order(3)
    void validatingAgainWritesNothing() throws IOException {
        Map<String, Long> before = stamps(consumption());
        assertThat(validate(Optional.empty()).summaryLine())
                .isEqualTo("days=12 measures=426 suspect=1 estimated=7 missing=0");
        assertThat(stamps(consumption())).isEqualTo(before);
    }

    @Test
    @Order(4)
    void withoutMonthsItValidatesThePendingDaysAndIsDoneWithThem() throws IOException {
        RollupPending pending = new RollupPending(mongo.database(), RollupPending.VALIDATION);
        pending.record(consumption().getNameAsString(), List.of(new ContractDay("A", FEB_5)));
        ValidateCounts counts = ValidateLauncher.launch(config, COMPANY, Optional.empty(), Optional.empty(),
                Optional.empty());
        // every contract with data that day: A's 24 intervals, Q has none on 5 February
        assertThat(counts.summaryLine()).isEqualTo("days=1 measures=24 suspect=1 estimated=1 missing=0");
        assertThat(pending.take(consumption().getNameAsString())).isEmpty();
    }

    @Test
    @Order(5)
    void theRollupCountsTheEstimatesOfEachPeriod() throws IOException {
        RollupLauncher.launch(config, COMPANY, Optional.empty(), Optional.empty());
        Map<String, Map<String, String>> periods = cells(new TableNames(stack.namespace()).of(EnmaTable.periodsOf(
                EnmaTable.consumption("electricityConsumption", COMPANY))), true);
        // 6 February: 8 × (1.1 + 1.2 + 1) = 26.4 over 24 hours, 3 of them estimates; 5 February: 23 + the spike's
        Map<String, String> feb6 = periods.get(new PeriodKey("A", FEB_6.atStartOfDay()).toString());
        assertThat(feb6).containsEntry("DAY:v", "26.4").containsEntry("DAY:n", "24").containsEntry("DAY:ne", "3");
        assertThat(periods.get(new PeriodKey("A", FEB_5.atStartOfDay()).toString())).containsEntry("DAY:v", "26.4")
                .containsEntry("DAY:ne", "1");
        // the hour from 9:00 holds the measure stamped 10:00, an estimate; the hour from 12:00 the actual 13:00
        assertThat(periods.get(new PeriodKey("A", FEB_6.atTime(9, 0)).toString())).containsEntry("HOUR:ne", "1");
        assertThat(periods.get(new PeriodKey("A", FEB_6.atTime(12, 0)).toString())).doesNotContainKey("HOUR:ne");
        // Q's hours sum their quarters: from 2 Feb 00:00 the ones ending 00:15, 00:30, 00:45, 01:00 hold 0.26, 0.27,
        // 0.25, 0.26; from 2 Feb 10:00 the three estimates 0.267, 0.267, 0.266 and the actual 0.2
        assertThat(periods.get(new PeriodKey("Q", FEB_2.atStartOfDay()).toString()))
                .containsEntry("HOUR:v", "1.04").containsEntry("HOUR:n", "4").containsEntry("HOUR:min", "0.25")
                .containsEntry("HOUR:max", "0.27").doesNotContainKey("HOUR:ne");
        assertThat(periods.get(new PeriodKey("Q", FEB_2.atTime(10, 0)).toString())).containsEntry("HOUR:v", "1")
                .containsEntry("HOUR:n", "4").containsEntry("HOUR:ne", "3");
    }

    @Test
    @Order(6)
    void sqlAndTheSourceReadTheTrustTableAndWhatValidationWroteBesideV() {
        // a catalog of this class's own: the shared session's `enma` may already serve another test's namespace
        spark.conf().set("spark.sql.catalog.vee", org.enma.jobs.source.EnmaCatalog.class.getName());
        stack.settings().forEach((key, value) -> spark.conf().set("spark.sql.catalog.vee." + key, value));
        assertThat(rows(spark.sql("SELECT contractId, date, interval, actual, estimated, suspect, contracts,"
                + " rules['spike'] FROM vee.c6200000001.electricityConsumptionTrust WHERE date = DATE '2014-02-05'"
                + " ORDER BY contractId"))).containsExactly("[,2014-02-05,3600,23,1,1,1,1]",
                "[A,2014-02-05,3600,23,1,1,null,1]");
        assertThat(spark.read().format("enma").options(stack.settings()).option("company", COMPANY.value())
                .option("table", "trust").load().where("contractId = 'Q'").count()).isEqualTo(2);
        assertThat(rows(spark.sql("SELECT v, calc, raw, q, est FROM vee.c6200000001.electricityConsumption"
                + " WHERE contractId = 'A' AND timestamp = TIMESTAMP '2014-02-05 10:00:00'")))
                .containsExactly("[1.1,1,50.0,spike,linear]");
        // a company never validated has no trust table: the catalog does not show one, the source says so
        assertThat(rows(spark.sql("SHOW TABLES IN vee.c6200000002").select("tableName")))
                .contains("[electricityConsumption]").doesNotContain("[electricityConsumptionTrust]");
        assertThat(rows(spark.sql("SHOW TABLES IN vee.c6200000001").select("tableName")))
                .contains("[electricityConsumptionTrust]");
        assertThatThrownBy(() -> spark.read().format("enma").options(stack.settings()).option("company",
                OTHER.value()).option("table", "trust").load()).hasMessageContaining(
                "company 6200000002 has no trust table");
    }

    @Test
    @Order(7)
    void resultsSayWhatShareOfTheirConsumptionEstimatesMakeUp() {
        JobReport report = new JobRunner(mongo.database(), config, spark).run(Analytics.named("OT501"),
                new JobRequest(COMPANY, JobRequest.DEFAULT_TYPE, FEB_2014, Map.of()));
        Document a = mongo.database().getCollection(org.enma.store.ResultSink.collectionOf("OT501")).find(
                new Document("_id", new org.enma.schema.ResultKey(FEB_2014, COMPANY, "A", report.setupId())
                        .toString())).first();
        // A, 1–10 February: 10 × 26.4 = 264 kWh, of which the estimates 1.1 (5 Feb) + 1.1 + 1.2 + 1 (6 Feb) = 4.4
        assertThat(a).isNotNull();
        assertThat(a.getDouble("totalConsumption")).isEqualTo(264.0);
        assertThat(a.getDouble("estimatedShare")).isEqualTo(0.0167);
        // OT503's days come in a map made once: the share is added to a copy
        JobReport daily = new JobRunner(mongo.database(), config, spark).run(Analytics.named("OT503"),
                new JobRequest(COMPANY, JobRequest.DEFAULT_TYPE, FEB_2014, Map.of()));
        assertThat(daily.results()).isEqualTo(2);
        assertThat(mongo.database().getCollection(org.enma.store.ResultSink.collectionOf("OT503")).find(
                new Document("contractId", "A")).first().getDouble("estimatedShare")).isEqualTo(0.0167);
    }

    /**
     * A job's read asks for est, q and raw only of a validated table: validation creates the trust table before it
     * writes any of them. An est in a table without one (written here behind ENMA's back) is not read.
     */
    @Test
    @Order(8)
    void validationsCellsAreReadOnlyFromAValidatedTable() throws IOException {
        LocalDateTime feb1 = LocalDateTime.of(2014, 2, 1, 1, 0);
        try (Table other = stack.connection().getTable(new TableNames(stack.namespace()).of(EnmaTable.consumption(
                "electricityConsumption", OTHER)))) {
            other.put(new Put(key("Z", feb1).getBytes(StandardCharsets.UTF_8))
                    .addColumn("m".getBytes(StandardCharsets.UTF_8), "est".getBytes(StandardCharsets.UTF_8),
                            "linear".getBytes(StandardCharsets.UTF_8)));
        }
        EnmaData data = EnmaData.open(spark, config);
        TimeRange february = TimeRange.ofMonth(FEB_2014, ZoneOffset.UTC);
        List<Measure> z = data.measures(EnmaTable.consumption("electricityConsumption", OTHER),
                List.of(february), JobContext.ESTIMATED).collect();
        assertThat(z).hasSize(1);
        assertThat(z.get(0).text("est")).isEmpty();
        // A's spike of 5 Feb 10:00, estimated by the validation above
        long spike = FEB_5.atTime(10, 0).toEpochSecond(ZoneOffset.UTC);
        List<Measure> a = data.measures(EnmaTable.consumption("electricityConsumption", COMPANY),
                List.of(february), JobContext.ESTIMATED).filter(m -> m.timestamp() == spike).collect();
        assertThat(a).hasSize(1);
        assertThat(a.get(0).text("est")).isPresent();
    }

    private static List<String> rows(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
        return rows.collectAsList().stream().map(org.apache.spark.sql.Row::toString).toList();
    }

    private ValidateCounts validate(Optional<Path> setup) {
        return ValidateLauncher.launch(config, COMPANY, Optional.empty(), Optional.of(List.of(FEB_2014)), setup);
    }

    private static Map<String, String> with(Map<String, String> cells, String qualifier, String value) {
        Map<String, String> all = new TreeMap<>(cells);
        all.put(qualifier, value);
        return all;
    }

    private static String key(String contract, LocalDateTime at) {
        return MeasureKey.of(at.toEpochSecond(ZoneOffset.UTC), contract).toString();
    }

    private org.apache.hadoop.hbase.TableName consumption() {
        return new TableNames(stack.namespace()).of(EnmaTable.consumption("electricityConsumption", COMPANY));
    }

    private org.apache.hadoop.hbase.TableName trustTable() {
        return new TableNames(stack.namespace()).of(EnmaTable.trustOf(EnmaTable.consumption(
                "electricityConsumption", COMPANY)));
    }

    /** Every cell of a table, by row key and qualifier. */
    private Map<String, Map<String, String>> cells(org.apache.hadoop.hbase.TableName table) throws IOException {
        return cells(table, false);
    }

    /** Every cell of a table, by row key and qualifier, or {@code family:qualifier}. */
    private Map<String, Map<String, String>> cells(org.apache.hadoop.hbase.TableName table, boolean families)
            throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (Table t = stack.connection().getTable(table); ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                Map<String, String> cells = new TreeMap<>();
                for (Cell cell : r.rawCells()) {
                    String family = families ? new String(CellUtil.cloneFamily(cell), StandardCharsets.UTF_8) + ":" : "";
                    cells.put(family + new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8),
                            new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
                }
                rows.put(new String(r.getRow(), StandardCharsets.UTF_8), cells);
            }
        }
        return rows;
    }

    /** Every cell's HBase timestamp, by row key and qualifier: what a write, even of the same value, changes. */
    private Map<String, Long> stamps(org.apache.hadoop.hbase.TableName table) throws IOException {
        Map<String, Long> stamps = new TreeMap<>();
        try (Table t = stack.connection().getTable(table); ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                for (Cell cell : r.rawCells()) {
                    stamps.put(new String(r.getRow(), StandardCharsets.UTF_8) + "/" + new String(
                            CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8), cell.getTimestamp());
                }
            }
        }
        return stamps;
    }
}

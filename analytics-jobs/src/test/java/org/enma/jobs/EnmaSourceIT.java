package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;
import org.enma.jobs.source.EnmaCatalog;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.PeriodKey;
import org.enma.schema.TableNames;
import org.enma.store.ResultReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import scala.collection.JavaConverters;

/**
 * The {@code enma} data source and catalog over a hand-made company 7777777777 (UTC):
 *
 * <pre>
 * electricityConsumption: P and Q, one reading a day at 12:00 from 1 Jan 2014 to 31 Jan 2015 (396 days, 13 months):
 *   P v = day of month, Q v = 2 × day of month; P on 5 Jan 2014 also va 100, calc 0.
 *   January 2014: 62 rows; P 1 + … + 31 = 496, Q 992.
 * touElectricityConsumption: T 10 Jan 2014 13:00 v 6, p1 1, p2 2, p3 3, p1a 10, p2a 20, p3a 30, day, energyCost 0.12
 * tertiaryElectricityConsumption: R 10 Jan 2014 13:00 v 28, p1 … p7 = 1 … 7
 * temperatureAir: ST1 10 Jan 2014 13:00 4.5 (hour 12), 11 Jan 00:00 −1 (10 Jan, hour 23)
 * customers P (08001, TP), Q (08002); stations ST1 Girona; tariffs TP P1 12.5 c/kWh 08–22, all of 2013
 * electricityConsumptionPeriods: MONTH Jan 2014 of P (496, 31), Q (992, 31), the company (1488, 62)
 * touElectricityConsumptionPeriods: MONTH Jan 2014 of T: v 6, n 1, p1 1, p2 2, p3 3
 * waterConsumption: W 10 Jan 2014 12:00 va 100 only (a cumulative reading not yet derived), 11 Jan 12:00 v 2, va 102
 * </pre>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnmaSourceIT extends JobsOnTestStack {
    static final CompanyId COMPANY = CompanyId.of("7777777777");
    private static final String JAN = "timestamp >= '2014-01-01' AND timestamp < '2014-02-01'";

    @BeforeAll
    void company() throws IOException {
        LocalDateTime t = LocalDateTime.of(2014, 1, 10, 13, 0);
        CompanyFixture fixture = new CompanyFixture(stack, COMPANY)
                .customer("P", "08001", "TP").customer("Q", "08002", null)
                .station("ST1", "Girona")
                .tariffSlot("TP", "P1", "12.5", "080000", "220000")
                .temperature("ST1", t, 4.5).temperature("ST1", LocalDateTime.of(2014, 1, 11, 0, 0), -1)
                .measure("P", LocalDateTime.of(2014, 1, 5, 12, 0), "v", "5", "va", "100", "calc", "0")
                .row(EnmaTable.tou("electricityConsumption", COMPANY), key(t, "T"), Family.M, "v", "6", "p1", "1",
                        "p2", "2", "p3", "3", "p1a", "10", "p2a", "20", "p3a", "30", "timeSlotName", "day",
                        "energyCost", "0.12")
                .row(EnmaTable.tertiary("electricityConsumption", COMPANY), key(t, "R"), Family.M, "v", "28",
                        "p1", "1", "p2", "2", "p3", "3", "p4", "4", "p5", "5", "p6", "6", "p7", "7");
        EnmaTable periods = EnmaTable.periodsOf(EnmaTable.consumption("electricityConsumption", COMPANY));
        LocalDateTime january = LocalDateTime.of(2014, 1, 1, 0, 0);
        fixture.row(periods, new PeriodKey("P", january).encode(), Family.MONTH, "v", "496", "n", "31")
                .row(periods, new PeriodKey("Q", january).encode(), Family.MONTH, "v", "992", "n", "31")
                .row(periods, PeriodKey.companyTotal(january).encode(), Family.MONTH, "v", "1488", "n", "62")
                .row(EnmaTable.periodsOf(EnmaTable.tou("electricityConsumption", COMPANY)),
                        new PeriodKey("T", january).encode(), Family.MONTH, "v", "6", "n", "1", "p1", "1", "p2", "2",
                        "p3", "3")
                .row(EnmaTable.consumption("waterConsumption", COMPANY), key(t.withHour(12), "W"), Family.M, "va",
                        "100")
                .row(EnmaTable.consumption("waterConsumption", COMPANY), key(t.withHour(12).plusDays(1), "W"),
                        Family.M, "v", "2", "va", "102");
        for (LocalDate d = LocalDate.of(2014, 1, 1); !d.isAfter(LocalDate.of(2015, 1, 31)); d = d.plusDays(1)) {
            fixture.reading("P", d.atTime(12, 0), d.getDayOfMonth()).reading("Q", d.atTime(12, 0),
                    2 * d.getDayOfMonth());
        }
        fixture.write();
        spark.conf().set("spark.sql.catalog.enma", EnmaCatalog.class.getName());
        stack.settings().forEach((key, value) -> spark.conf().set("spark.sql.catalog.enma." + key, value));
    }

    private static byte[] key(LocalDateTime at, String id) {
        return MeasureKey.of(at.toEpochSecond(ZoneOffset.UTC), id).encode();
    }

    private DataFrameReader enma() {
        return spark.read().format("enma").options(stack.settings()).option("company", COMPANY.value());
    }

    private static List<String> rows(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).toList();
    }

    @Test
    void aOneMonthQueryOverThirteenMonthsReadsThatMonthsRowsOnly() {
        Dataset<Row> january = enma().option("table", "consumption").load().where(JAN)
                .groupBy("contractId").sum("v").orderBy("contractId");
        assertThat(rows(january)).containsExactly("[P,496.0]", "[Q,992.0]");
        // 31 days × 2 contracts; the table holds 792 rows
        assertThat(rowsScanned(january)).isEqualTo(62);
        Dataset<Row> everything = enma().option("table", "consumption").load();
        assertThat(everything.count()).isEqualTo(792);
    }

    @Test
    void explainListsAsPushedExactlyWhatTheScanApplies() {
        Dataset<Row> query = enma().option("table", "consumption").load().where(JAN + " AND contractId = 'P' AND v > 10");
        String plan = query.queryExecution().executedPlan().toString();
        assertThat(plan).contains("PushedFilters: [GreaterThanOrEqual(timestamp,2014-01-01 00:00:00.0),"
                + " LessThan(timestamp,2014-02-01 00:00:00.0), EqualTo(contractId,P)]");
        assertThat(plan).doesNotContain("GreaterThan(v");
        // v > 10 stays with Spark: days 11 … 31 of P
        assertThat(query.count()).isEqualTo(21);
        assertThat(rowsScanned(query)).isBetween(31L, 62L);
        assertThat(rows(enma().option("table", "consumption").load().where(JAN + " AND contractId IN ('Q', 'Z')")
                .groupBy("contractId").sum("v"))).containsExactly("[Q,992.0]");
    }

    @Test
    void aDateFilterIsTheIntervalConventionsDate() {
        // 10 January by date: the readings at 12:00 of 10 January (P 10, Q 20); 1 February 00:00 would count for
        // 31 January, but these readings are at noon
        assertThat(rows(enma().option("table", "consumption").load().where("date = DATE '2014-01-10'")
                .select("contractId", "v", "hour").orderBy("contractId"))).containsExactly("[P,10.0,11]",
                "[Q,20.0,11]");
        assertThat(rows(enma().option("table", "weather").option("type", "temperatureAir").load()
                .where("date = DATE '2014-01-10'").select("stationId", "date", "hour", "v").orderBy("hour")))
                .containsExactly("[ST1,2014-01-10,12,4.5]", "[ST1,2014-01-10,23,-1.0]");
    }

    @Test
    void everyMeasureKindHasItsTypedColumns() {
        Dataset<Row> residential = enma().option("table", "consumption").load()
                .where("contractId = 'P' AND date = DATE '2014-01-05'");
        assertThat(residential.schema().apply("timestamp").dataType()).isEqualTo(DataTypes.TimestampType);
        Row p = residential.select("contractId", "timestamp", "date", "hour", "v", "va", "calc").first();
        assertThat(p.getTimestamp(1).toInstant()).isEqualTo(Instant.parse("2014-01-05T12:00:00Z"));
        assertThat(p.toString()).endsWith(",2014-01-05,11,5.0,100.0,0]");
        assertThat(rows(enma().option("table", "consumption").option("type", "touElectricityConsumption").load()
                .select("contractId", "v", "p1", "p2", "p3", "p1a", "p3a", "timeSlotName", "energyCost")))
                .containsExactly("[T,6.0,1.0,2.0,3.0,10.0,30.0,day,0.12]");
        Dataset<Row> tertiary = enma().option("table", "consumption")
                .option("type", "tertiaryElectricityConsumption").load();
        assertThat(tertiary.columns()).contains("p6", "p6a").doesNotContain("p7");
        assertThat(rows(enma().option("table", "consumption").option("type", "tertiaryElectricityConsumption")
                .option("periods", "7").load().select("contractId", "v", "p1", "p7")))
                .containsExactly("[R,28.0,1.0,7.0]");
    }

    @Test
    void companyTablesAndPeriodsRead() {
        assertThat(rows(enma().option("table", "customers").load().select("contractId", "postalCode", "tariffId")
                .orderBy("contractId"))).containsExactly("[P,08001,TP]", "[Q,08002,null]");
        assertThat(rows(enma().option("table", "stations").load().select("stationId", "city")))
                .containsExactly("[ST1,Girona]");
        assertThat(rows(enma().option("table", "tariffs").load().select("tariffId", "periodKey", "energyCost",
                "dateEnd_energyCost"))).containsExactly("[TP,P1,12.5,2013-12-31]");
        Dataset<Row> periods = enma().option("table", "periods").load();
        assertThat(rows(periods.selectExpr("contractId", "period", "CAST(v AS INT)", "n").orderBy("contractId")))
                .containsExactly("[,MONTH,1488,62]", "[P,MONTH,496,31]", "[Q,MONTH,992,31]");
        Dataset<Row> one = periods.where("contractId = 'Q' AND period = 'MONTH'");
        assertThat(one.queryExecution().executedPlan().toString()).contains("one contract, families [MONTH]");
        Row q = one.first();
        assertThat(q.getTimestamp(2).toInstant()).isEqualTo(Instant.parse("2014-01-01T00:00:00Z"));
        assertThat(rowsScanned(one)).isEqualTo(1);
        assertThat(periods.columns()).endsWith("cost", "np", "ne");
    }

    @Test
    void aRowWithoutTheAskedCellsIsStillARow() {
        // W's 10 January row has va only: a read of v (or of calc) must not lose it
        Dataset<Row> water = enma().option("table", "consumption").option("type", "waterConsumption").load();
        assertThat(water.count()).isEqualTo(2);
        assertThat(rows(water.select("contractId", "v", "calc").orderBy("timestamp")))
                .containsExactly("[W,null,null]", "[W,2.0,null]");
        assertThat(rows(spark.sql("SELECT count(*), sum(v) FROM enma.c7777777777.waterConsumption")))
                .containsExactly("[2,2.0]");
        Dataset<Row> v = water.select("contractId", "v");
        assertThat(v.queryExecution().executedPlan().toString()).contains("Cells: v (every row)");
        // a query that drops the rows without v itself lets the scan skip them
        Dataset<Row> withV = v.where("v > 1");
        assertThat(rows(withV)).containsExactly("[W,2.0]");
        assertThat(withV.queryExecution().executedPlan().toString()).contains("Ids: all, Cells: v").doesNotContain("every row");
    }

    @Test
    void aTouPeriodTableShowsItsTariffPeriodsSums() {
        Dataset<Row> tou = enma().option("table", "periods").option("type", "touElectricityConsumption").load();
        assertThat(tou.columns()).endsWith("np", "ne", "p1", "p2", "p3");
        assertThat(rows(tou.selectExpr("contractId", "period", "CAST(v AS INT)", "CAST(p1 AS INT)", "CAST(p2 AS INT)",
                "CAST(p3 AS INT)"))).containsExactly("[T,MONTH,6,1,2,3]");
        assertThat(rows(spark.sql("SELECT CAST(p2 AS INT) FROM enma.c7777777777.touElectricityConsumptionPeriods"
                + " WHERE contractId = 'T' AND period = 'MONTH'"))).containsExactly("[2]");
    }

    @Test
    @Order(1)
    void theCatalogShowsACompanysTablesToSql() {
        assertThat(rows(spark.sql("SHOW NAMESPACES IN enma"))).contains("[c7777777777]");
        assertThat(rows(spark.sql("SHOW TABLES IN enma.c7777777777").select("tableName"))).containsExactly(
                "[customers]", "[electricityConsumption]", "[electricityConsumptionPeriods]", "[stations]",
                "[tariffs]", "[temperatureAir]", "[tertiaryElectricityConsumption]", "[touElectricityConsumption]",
                "[touElectricityConsumptionPeriods]", "[waterConsumption]");
        assertThat(rows(spark.sql("SELECT contractId, sum(v) FROM enma.c7777777777.electricityConsumption"
                + " WHERE " + JAN + " GROUP BY contractId ORDER BY contractId")))
                .containsExactly("[P,496.0]", "[Q,992.0]");
        assertThat(rows(spark.sql("SELECT c.postalCode, sum(m.v) FROM enma.c7777777777.electricityConsumption m"
                + " JOIN enma.c7777777777.customers c USING (contractId) WHERE m.date = DATE '2014-01-31'"
                + " GROUP BY 1 ORDER BY 1"))).containsExactly("[08001,31.0]", "[08002,62.0]");
        assertThat(rows(spark.sql("DESCRIBE enma.c7777777777.electricityConsumption").select("col_name",
                "data_type").limit(5))).containsExactly("[contractId,string]", "[timestamp,timestamp]",
                "[date,date]", "[hour,int]", "[v,double]");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> enma().option("tabel", "consumption").load())
                .hasMessageContaining("unknown option \"tabel\"");
        assertThatThrownBy(() -> enma().option("table", "consumptions").load())
                .hasMessageContaining("unknown table \"consumptions\"");
        assertThatThrownBy(() -> enma().option("table", "consumption").option("company", "1231231231").load())
                .hasMessageContaining("does not exist").hasMessageContaining("company 1231231231");
        assertThatThrownBy(() -> spark.read().format("enma").options(stack.settings()).option("table", "customers")
                .load()).hasMessageContaining("option company is missing");
        assertThatThrownBy(() -> enma().option("table", "consumption").load().where("kwh > 1").count())
                .isInstanceOf(AnalysisException.class).hasMessageContaining("kwh");
        assertThatThrownBy(() -> spark.sql("SELECT * FROM enma.c7777777777.gasConsumption").count())
                .isInstanceOf(AnalysisException.class).hasMessageContaining("gasConsumption");
    }

    @Test
    void aRegionSplitInsideABucketGetsAPartitionOfItsOwn() throws Exception {
        TableName table = new TableNames(stack.namespace()).of(EnmaTable.consumption("electricityConsumption",
                COMPANY));
        int before = enma().option("table", "consumption").load().rdd().getNumPartitions();
        byte[] inside = key(LocalDateTime.of(2014, 6, 15, 12, 0), "P");
        try (Admin admin = stack.connection().getAdmin()) {
            int regions = admin.getRegions(table).size();
            admin.split(table, inside);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (admin.getRegions(table).size() == regions && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(admin.getRegions(table)).hasSize(regions + 1);
        }
        Dataset<Row> all = enma().option("table", "consumption").load();
        assertThat(all.rdd().getNumPartitions()).isEqualTo(before + 1);
        assertThat(all.count()).isEqualTo(792);
        assertThat(rows(all.where(JAN).groupBy("contractId").sum("v").orderBy("contractId")))
                .containsExactly("[P,496.0]", "[Q,992.0]");
    }

    @Test
    @Order(2)
    void anAnalyticWrittenBackIsServedLikeTheBuiltInOnes() throws IOException {
        StructType schema = new StructType().add("contractId", DataTypes.StringType).add("month",
                DataTypes.IntegerType).add("score", DataTypes.DoubleType).add("label", DataTypes.StringType)
                .add("days", DataTypes.createArrayType(DataTypes.IntegerType));
        Dataset<Row> results = spark.createDataFrame(List.of(
                RowFactory.create("P", 201401, 0.5, "low", List.of(1, 2)),
                RowFactory.create("Q", 201401, 1.25, "high", List.of(3)),
                RowFactory.create("P", 201402, 2.0, null, List.of())), schema);
        for (int run = 0; run < 2; run++) {
            results.write().format("enma").options(stack.settings()).option("company", COMPANY.value())
                    .option("ot", "OT950").option("setup", "{\"threshold\": 10}").mode("append").save();
        }
        ResultReader reader = new ResultReader(mongo.database(), stack.connection(),
                new TableNames(stack.namespace()));
        List<String> january = new ArrayList<>();
        for (Document doc : reader.month("OT950", COMPANY, Month.of(2014, 1), java.util.Optional.empty(), 0, 100)
                .items()) {
            january.add(doc.getString("contractId") + " " + doc.get("score") + " " + doc.get("label") + " "
                    + doc.get("days"));
        }
        // written twice with the same setup: one result per contract and month
        assertThat(january).containsExactly("P 0.5 low [1, 2]", "Q 1.25 high [3]");
        Document february = reader.month("OT950", COMPANY, Month.of(2014, 2), java.util.Optional.empty(), 0, 100)
                .items().get(0);
        assertThat(february.containsKey("label")).isFalse();
        assertThat(mongo.database().getCollection("jobRuns").countDocuments(Filters.and(Filters.eq("ot", "OT950"),
                Filters.eq("status", "succeeded"), Filters.eq("month", 201401)))).isEqualTo(2);
        assertThat(stack.connection().getAdmin().tableExists(new TableNames(stack.namespace())
                .of(EnmaTable.results("OT950")))).isTrue();
        assertThat(rows(enma().option("table", "results").option("ot", "OT950").load()
                .select("contractId", "month", "result").orderBy("month", "contractId"))).containsExactly(
                "[P,201401,{\"days\": [1, 2], \"label\": \"low\", \"score\": 0.5}]",
                "[Q,201401,{\"days\": [3], \"label\": \"high\", \"score\": 1.25}]",
                "[P,201402,{\"days\": [], \"score\": 2.0}]");
        assertThat(rows(spark.sql("SELECT count(*) FROM enma.c7777777777.ot950"))).containsExactly("[3]");
    }

    @Test
    @Order(3)
    void aBadWriteIsRefusedBeforeAnythingIsWritten() {
        long before = mongo.database().getCollection("OT951Results").countDocuments();
        StructType noMonth = new StructType().add("contractId", DataTypes.StringType).add("score",
                DataTypes.DoubleType);
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("P", 1.0)), noMonth);
        assertThatThrownBy(() -> write(rows, "OT951")).hasMessageContaining("column month is missing");
        StructType withFlag = noMonth.add("month", DataTypes.IntegerType).add("flag", DataTypes.BooleanType);
        Dataset<Row> flagged = spark.createDataFrame(List.of(RowFactory.create("P", 1.0, 201401, true)), withFlag);
        assertThatThrownBy(() -> write(flagged, "OT951")).hasMessageContaining("column flag is boolean");
        Dataset<Row> good = flagged.drop("flag");
        assertThatThrownBy(() -> write(good, "OT95")).hasMessageContaining("\"OT95\" is not an analytic name");
        assertThatThrownBy(() -> write(good, "OT101")).hasMessageContaining("OT101 is an analytic ENMA computes");
        Dataset<Row> twice = good.union(good);
        assertThatThrownBy(() -> write(twice, "OT951")).hasMessageContaining("contract P has two rows for month"
                + " 201401");
        Dataset<Row> badMonth = spark.createDataFrame(List.of(RowFactory.create("P", 1.0, 201413)),
                noMonth.add("month", DataTypes.IntegerType));
        assertThatThrownBy(() -> write(badMonth, "OT951")).hasMessageContaining("201413");
        assertThat(mongo.database().getCollection("OT951Results").countDocuments()).isEqualTo(before);
    }

    private void write(Dataset<Row> rows, String ot) {
        rows.write().format("enma").options(stack.settings()).option("company", COMPANY.value()).option("ot", ot)
                .mode("append").save();
    }

    /** What the {@code rowsScanned} metric of the query's (one) enma scan counted, once the query has run. */
    private static long rowsScanned(Dataset<Row> query) {
        query.collectAsList();
        long total = 0;
        for (BatchScanExec scan : scans(query.queryExecution().executedPlan())) {
            total += scan.metrics().get("rowsScanned").get().value();
        }
        return total;
    }

    private static List<BatchScanExec> scans(SparkPlan plan) {
        List<BatchScanExec> found = new ArrayList<>();
        if (plan instanceof BatchScanExec scan) {
            found.add(scan);
        } else if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            found.addAll(scans(adaptive.executedPlan()));
        } else if (plan instanceof QueryStageExec stage) {
            found.addAll(scans(stage.plan()));
        }
        for (SparkPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            found.addAll(scans(child));
        }
        return found;
    }
}

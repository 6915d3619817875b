package org.enma.jobs.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.jobs.read.EnmaData;
import org.enma.schema.CompanyId;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.store.MongoStore;
import org.enma.store.RollupPending;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The period table of a small company, every cell worked out by hand (UTC; a measure stamped t belongs to t − 1 s):
 * <pre>
 * A: 31 Jan 2014 01:00 v 1.5 energyCost 10 → hour 00:00, cost 0.15
 *    31 Jan 02:00 v 2.25                   → hour 01:00
 *    1 Feb 00:00 v 0.5 energyCost 20       → hour 31 Jan 23:00, cost 0.1
 *    3 Feb 10:00 v 4                       → hour 3 Feb 09:00 (a Monday)
 * B: 31 Jan 01:00 v 3 energyCost 10        → hour 00:00, cost 0.3
 * </pre>
 * 31 January 2014 is a Friday (its week began Monday 27 January).
 */
@ExtendWith(EnmaStackExtension.class)
class RollupIT {
    static final CompanyId COMPANY = CompanyId.of("7700000001");

    @Test
    void theRebuildWritesEveryPeriodOfEveryContractAndTheCompanyAndSettlesItsMonthsPendingDaysAndARerunWritesNothing(TestStack stack,
                                                                                    SparkSession spark)
            throws IOException {
        TableNames names = new TableNames(stack.namespace());
        EnmaTable measures = EnmaTable.consumption("electricityConsumption", COMPANY);
        new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE).ensure(measures);
        try (Table t = stack.connection().getTable(names.of(measures))) {
            t.put(List.of(measure("A", "2014-01-31T01:00:00Z", "1.5", "10"), measure("A", "2014-01-31T02:00:00Z",
                    "2.25", null), measure("A", "2014-02-01T00:00:00Z", "0.5", "20"),
                    measure("A", "2014-02-03T10:00:00Z", "4", null), measure("B", "2014-01-31T01:00:00Z", "3", "10")));
        }
        EnmaData data = EnmaData.open(spark, EnmaConfig.of(stack.settings()));
        RollupPending pending = new RollupPending(MongoStore.shared(stack.mongoUri(), stack.database()).database());
        String table = names.of(measures).getNameAsString();
        // a day of the months rebuilt and one after them, recorded by a load
        pending.record(table, List.of(new ContractDay("A", LocalDate.of(2014, 2, 28)),
                new ContractDay("A", LocalDate.of(2014, 3, 1))));

        Rollup.Counts counts = Rollup.rebuild(data, pending, COMPANY, "electricityConsumption", Month.of(2014, 1),
                Month.of(2014, 2));
        // contract-days: A 31 Jan, 3 Feb; B 31 Jan. Rows: A 8, B 3, company 8 (listed below)
        assertThat(counts.line()).isEqualTo("days=3 rows=19");
        // the rebuild did 28 February: only 1 March stays pending
        assertThat(pending.take(table)).extracting(RollupPending.Taken::day).containsExactly(LocalDate.of(2014, 3, 1));

        String a1 = "v=1.5 n=1 min=1.5 max=1.5 cost=0.15 np=1";
        String aJan = "v=4.25 n=3 min=0.5 max=2.25 cost=0.25 np=2";
        String aFeb = "v=4 n=1 min=4 max=4 np=0";
        String aAll = "v=8.25 n=4 min=0.5 max=4 cost=0.25 np=2";
        String b = "v=3 n=1 min=3 max=3 cost=0.3 np=1";
        String cJan = "v=7.25 n=4 min=0.5 max=3 cost=0.55 np=3 c=2";
        String cFeb = "v=4 n=1 min=4 max=4 np=0 c=1";
        String cAll = "v=11.25 n=5 min=0.5 max=4 cost=0.55 np=3 c=2";
        Map<String, String> expected = new TreeMap<>();
        // A's salt is b, B's 1, the company total's 0
        expected.put("b~A~201401010000", "MONTH " + aJan + " | QUARTER " + aAll + " | YEAR " + aAll);
        expected.put("b~A~201401270000", "WEEK " + aJan);
        expected.put("b~A~201401310000", "DAY " + aJan + " | HOUR " + a1);
        expected.put("b~A~201401310100", "HOUR v=2.25 n=1 min=2.25 max=2.25 np=0");
        expected.put("b~A~201401312300", "HOUR v=0.5 n=1 min=0.5 max=0.5 cost=0.1 np=1");
        expected.put("b~A~201402010000", "MONTH " + aFeb);
        expected.put("b~A~201402030000", "DAY " + aFeb + " | WEEK " + aFeb);
        expected.put("b~A~201402030900", "HOUR " + aFeb);
        putOnlyJanuary31(expected, "1~B~", b);
        expected.put("0~~201401010000", "MONTH " + cJan + " | QUARTER " + cAll + " | YEAR " + cAll);
        expected.put("0~~201401270000", "WEEK " + cJan);
        expected.put("0~~201401310000", "DAY " + cJan + " | HOUR v=4.5 n=2 min=1.5 max=3 cost=0.45 np=2 c=2");
        expected.put("0~~201401310100", "HOUR v=2.25 n=1 min=2.25 max=2.25 np=0 c=1");
        expected.put("0~~201401312300", "HOUR v=0.5 n=1 min=0.5 max=0.5 cost=0.1 np=1 c=1");
        expected.put("0~~201402010000", "MONTH " + cFeb);
        expected.put("0~~201402030000", "DAY " + cFeb + " | WEEK " + cFeb);
        expected.put("0~~201402030900", "HOUR " + cFeb);
        Map<String, String> rows = rows(stack, names.of(EnmaTable.periodsOf(measures)));
        assertThat(rows).isEqualTo(expected);

        assertThat(Rollup.rebuild(data, pending, COMPANY, "electricityConsumption", Month.of(2014, 1),
                Month.of(2014, 2))
                .line()).isEqualTo("days=3 rows=0");

        // the SQL view: one row per family of a row — A 12, B 6, the company 12
        data.periods(COMPANY, "electricityConsumption");
        assertThat(spark.sql("SELECT count(*) FROM periods").first().getLong(0)).isEqualTo(30L);
        assertThat(spark.sql("SELECT contractId, CAST(v AS STRING), n FROM periods WHERE period = 'MONTH'"
                + " AND start >= TIMESTAMP '2014-01-01 00:00:00' ORDER BY contractId, start").collectAsList()
                .stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getLong(2)).toList())
                .containsExactly(" 7.2500000000 4", " 4.0000000000 1", "A 4.2500000000 3", "A 4.0000000000 1",
                        "B 3.0000000000 1");
        assertThat(rows(stack, names.of(EnmaTable.periodsOf(measures)))).isEqualTo(expected);

        // B's reading loses its cost: its rows' cost goes (a delete in the task's HFiles), the company's shrinks
        try (Table t = stack.connection().getTable(names.of(measures))) {
            t.delete(new Delete(MeasureKey.of(Instant.parse("2014-01-31T01:00:00Z").getEpochSecond(), "B").encode())
                    .addColumns(Bytes.toBytes("m"), Bytes.toBytes("energyCost")));
        }
        // rows written: B's 3 (Jan 1, Jan 27, Jan 31) and the company's 3 (the same starts)
        assertThat(Rollup.rebuild(data, pending, COMPANY, "electricityConsumption", Month.of(2014, 1),
                Month.of(2014, 2))
                .line()).isEqualTo("days=3 rows=6");
        String bUnpriced = "v=3 n=1 min=3 max=3 np=0";
        String cJanB = "v=7.25 n=4 min=0.5 max=3 cost=0.25 np=2 c=2";
        String cAllB = "v=11.25 n=5 min=0.5 max=4 cost=0.25 np=2 c=2";
        putOnlyJanuary31(expected, "1~B~", bUnpriced);
        expected.put("0~~201401010000", "MONTH " + cJanB + " | QUARTER " + cAllB + " | YEAR " + cAllB);
        expected.put("0~~201401270000", "WEEK " + cJanB);
        expected.put("0~~201401310000", "DAY " + cJanB + " | HOUR v=4.5 n=2 min=1.5 max=3 cost=0.15 np=1 c=2");
        assertThat(rows(stack, names.of(EnmaTable.periodsOf(measures)))).isEqualTo(expected);
    }

    @Test
    void aContractDayWithoutAReadingLeftLosesItsRowsInTheIncrementalRunWhenRecordedAndInARebuildWhenNot(
            TestStack stack, SparkSession spark) throws IOException {
        CompanyId company = CompanyId.of("7700000002");
        TableNames names = new TableNames(stack.namespace());
        EnmaTable measures = EnmaTable.consumption("electricityConsumption", company);
        new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE).ensure(measures);
        byte[] aFeb = MeasureKey.of(Instant.parse("2014-02-03T10:00:00Z").getEpochSecond(), "A").encode();
        byte[] b = MeasureKey.of(Instant.parse("2014-01-31T01:00:00Z").getEpochSecond(), "B").encode();
        try (Table t = stack.connection().getTable(names.of(measures))) {
            t.put(List.of(measure("A", "2014-01-31T01:00:00Z", "1.5", "10"), measure("A", "2014-02-03T10:00:00Z",
                    "4", null), measure("B", "2014-01-31T01:00:00Z", "3", "10")));
        }
        EnmaData data = EnmaData.open(spark, EnmaConfig.of(stack.settings()));
        RollupPending pending = new RollupPending(MongoStore.shared(stack.mongoUri(), stack.database()).database());
        String table = names.of(measures).getNameAsString();
        assertThat(Rollup.rebuild(data, pending, company, "electricityConsumption", Month.of(2014, 1),
                Month.of(2014, 2)).line()).isEqualTo("days=3 rows=15");

        // A's only February reading goes, and the day is recorded (as derive records a v it removes): A's hour,
        // day, week and month of 3 February go, its quarter and year shrink; the company's likewise (4 + 4 rows)
        try (Table t = stack.connection().getTable(names.of(measures))) {
            t.delete(new Delete(aFeb));
        }
        pending.record(table, List.of(new ContractDay("A", LocalDate.of(2014, 2, 3))));
        assertThat(Rollup.incremental(data, pending, company, "electricityConsumption").line())
                .isEqualTo("days=1 rows=8");
        String a = "v=1.5 n=1 min=1.5 max=1.5 cost=0.15 np=1";
        String bOnly = "v=3 n=1 min=3 max=3 cost=0.3 np=1";
        String both = "v=4.5 n=2 min=1.5 max=3 cost=0.45 np=2 c=2";
        Map<String, String> expected = new TreeMap<>();
        putOnlyJanuary31(expected, "b~A~", a);
        putOnlyJanuary31(expected, "1~B~", bOnly);
        putOnlyJanuary31(expected, "0~~", both);
        assertThat(rows(stack, names.of(EnmaTable.periodsOf(measures)))).isEqualTo(expected);

        // B's only reading goes and nobody records it: a rebuild finds B's stored day, removes B's rows and counts
        // one contract in the company's (A 31 January unchanged; B's 3 starts and the company's 3 written)
        try (Table t = stack.connection().getTable(names.of(measures))) {
            t.delete(new Delete(b));
        }
        assertThat(Rollup.rebuild(data, pending, company, "electricityConsumption", Month.of(2014, 1),
                Month.of(2014, 2)).line()).isEqualTo("days=2 rows=6");
        String aAlone = a + " c=1";
        expected.remove("1~B~201401010000");
        expected.remove("1~B~201401270000");
        expected.remove("1~B~201401310000");
        putOnlyJanuary31(expected, "0~~", aAlone);
        assertThat(rows(stack, names.of(EnmaTable.periodsOf(measures)))).isEqualTo(expected);
        assertThat(Rollup.incremental(data, pending, company, "electricityConsumption").line())
                .isEqualTo("days=0 rows=0");

        // a table of an older ENMA, without np: a rollup of a day puts it back in every row that day touches
        try (Table t = stack.connection().getTable(names.of(EnmaTable.periodsOf(measures)));
             ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                Delete withoutNp = new Delete(r.getRow());
                for (Cell c : r.rawCells()) {
                    withoutNp.addColumns(CellUtil.cloneFamily(c), Bytes.toBytes("np"));
                }
                t.delete(withoutNp);
            }
        }
        assertThat(rows(stack, names.of(EnmaTable.periodsOf(measures))).get("b~A~201401270000"))
                .isEqualTo("WEEK v=1.5 n=1 min=1.5 max=1.5 cost=0.15");
        pending.record(table, List.of(new ContractDay("A", LocalDate.of(2014, 1, 31))));
        assertThat(Rollup.incremental(data, pending, company, "electricityConsumption").line())
                .isEqualTo("days=1 rows=6");
        assertThat(rows(stack, names.of(EnmaTable.periodsOf(measures)))).isEqualTo(expected);
    }

    /**
     * The rows of an owner (key prefix: salt, contractId, separator) whose only measure is the hour from 00:00 on
     * Friday 31 January 2014, with {@code figures}: its hour and day, its week from Monday 27 January, and its month,
     * quarter and year.
     */
    private static void putOnlyJanuary31(Map<String, String> expected, String owner, String figures) {
        expected.put(owner + "201401010000", "MONTH " + figures + " | QUARTER " + figures + " | YEAR " + figures);
        expected.put(owner + "201401270000", "WEEK " + figures);
        expected.put(owner + "201401310000", "DAY " + figures + " | HOUR " + figures);
    }

    private static Put measure(String contract, String at, String v, String energyCost) {
        Put put = new Put(MeasureKey.of(Instant.parse(at).getEpochSecond(), contract).encode())
                .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes(v));
        if (energyCost != null) {
            put.addColumn(Bytes.toBytes("m"), Bytes.toBytes("energyCost"), Bytes.toBytes(energyCost));
        }
        return put;
    }

    /** Every row as "FAMILY q=v q=v | FAMILY ...", families in name order, qualifiers in the order listed. */
    private static Map<String, String> rows(TestStack stack, org.apache.hadoop.hbase.TableName table)
            throws IOException {
        List<String> order = List.of("v", "n", "min", "max", "cost", "np", "ne", "c");
        Map<String, String> rows = new TreeMap<>();
        try (Table t = stack.connection().getTable(table); ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                Map<String, Map<String, String>> families = new TreeMap<>();
                for (Cell c : r.rawCells()) {
                    families.computeIfAbsent(Bytes.toString(CellUtil.cloneFamily(c)), f -> new TreeMap<>(
                            java.util.Comparator.comparingInt(order::indexOf)))
                            .put(Bytes.toString(CellUtil.cloneQualifier(c)), Bytes.toString(CellUtil.cloneValue(c)));
                }
                rows.put(Bytes.toString(r.getRow()), families.entrySet().stream()
                        .map(f -> f.getKey() + " " + f.getValue().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(java.util.stream.Collectors.joining(" ")))
                        .collect(java.util.stream.Collectors.joining(" | ")));
            }
        }
        return rows;
    }
}

package org.enma.loaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input kind and every bad input of the loaders issue, against the real mini cluster, with the exact cells and
 * counts expected. Each test loads into a company of its own, so tests never see each other's rows.
 */
@ExtendWith(EnmaStackExtension.class)
class LoaderIT {
    /** "now" for the future check: 2026-11-23T00:00:00Z, so anything after 2026-11-24T00:00:00Z is refused. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private static TestStack stack;
    private static TableNames names;
    private static Loader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(TestStack testStack) throws IOException {
        stack = testStack;
        names = new TableNames(stack.namespace());
        loader = new Loader(stack.connection(),
                new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.GZ),
                ZoneId.of("Europe/Madrid"), CLOCK, LoadProgress.NONE);
    }

    // ---------- consumption ----------

    @Test
    void consumptionRowsBecomeExactlyTheCellsOfTheDataModel() throws IOException {
        CompanyId company = CompanyId.of("1000000001");
        Path csv = write("c.csv", """
                contractId,timestamp,v,va,timeSlotName,energyCost,flatRate,periodKey
                CHBB,2013-07-01T01:00:00Z,0.4120,10234.412,P1 peak,12.5,,P1
                CHBB,1372644000,,10234.9,,,,
                CHBC,2013-07-01 03:00:00,1e-3,,,,,
                CHBC,2013-07-01T03:00:00+02:00,+2,,,,,
                """);
        FileLoad load = load(InputKind.CONSUMPTION, company, csv);
        // 2013-07-01 03:00 local Madrid (UTC+2) = 01:00Z = 1372640400, the same key as the last row: a duplicate.
        assertThat(load.report()).isEqualTo(new LoadReport(4, 4, 0, 1));
        assertThat(load.rejects()).isEmpty();
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company))).isEqualTo(Map.of(
                "4~1372640400~CHBB", Map.of("m:v", "0.412", "m:va", "10234.412", "m:calc", "0",
                        "m:timeSlotName", "P1 peak", "m:energyCost", "12.5", "m:periodKey", "P1"),
                "40~1372644000~CHBB", Map.of("m:va", "10234.9"),
                "4~1372640400~CHBC", Map.of("m:v", "2", "m:calc", "0")));
    }

    @Test
    void touSumsThePeriodsWhenVIsMissingAndMarksItCalculated() throws IOException {
        CompanyId company = CompanyId.of("1000000002");
        Path csv = write("tou.csv", """
                contractId,timestamp,p1,p2,p3,p1a,p2a,p3a,v
                A,1372640400,0.1,0.2,0.3,10,20,30,
                A,1372644000,0.1,,0.3,,,,
                A,1372647600,0.1,0.2,0.3,,,,0.7
                """);
        assertThat(load(InputKind.TOU, company, csv).report()).isEqualTo(new LoadReport(3, 3, 0, 0));
        assertThat(cells(EnmaTable.tou("electricityConsumption", company))).isEqualTo(Map.of(
                "4~1372640400~A", Map.of("m:p1", "0.1", "m:p2", "0.2", "m:p3", "0.3", "m:p1a", "10", "m:p2a", "20",
                        "m:p3a", "30", "m:v", "0.6", "m:calc", "1"),
                "40~1372644000~A", Map.of("m:p1", "0.1", "m:p3", "0.3"),
                "76~1372647600~A", Map.of("m:p1", "0.1", "m:p2", "0.2", "m:p3", "0.3", "m:v", "0.7", "m:calc", "0")));
    }

    @Test
    void tertiaryTakesItsPeriodCountFromTheHeader() throws IOException {
        CompanyId company = CompanyId.of("1000000003");
        Path csv = write("t.csv", """
                contractId,timestamp,p1,p2,p3,p4,p5,p6,p6a
                B,1372640400,1,1,1,1,1,1.5,99
                """);
        assertThat(load(InputKind.TERTIARY, company, csv, "gasConsumption").report())
                .isEqualTo(new LoadReport(1, 1, 0, 0));
        assertThat(cells(EnmaTable.tertiary("gasConsumption", company))).isEqualTo(Map.of(
                "4~1372640400~B", Map.of("m:p1", "1", "m:p2", "1", "m:p3", "1", "m:p4", "1", "m:p5", "1",
                        "m:p6", "1.5", "m:p6a", "99", "m:v", "6.5", "m:calc", "1")));
        Path gap = write("gap.csv", "contractId,timestamp,p1,p3\nB,1372640400,1,1\n");
        assertThatThrownBy(() -> load(InputKind.TERTIARY, company, gap))
                .hasMessageContaining("period columns skip p2");
    }

    @Test
    void badIdentifiersTimestampsAndNumbersAreRejectedRowByRow() throws IOException {
        CompanyId company = CompanyId.of("1000000004");
        String longId = "x".repeat(65);
        Path csv = write("bad.csv", "contractId,timestamp,v\n"
                + "OK1,1372640400,1\n"                 // line 2
                + ",1372640400,1\n"                    // 3 empty id
                + "A~B,1372640400,1\n"                 // 4 separator
                + "A\u0001B,1372640400,1\n"            // 5 control character
                + longId + ",1372640400,1\n"           // 6 too long
                + "C,yesterday,1\n"                    // 7 unparseable
                + "C,1969-12-31T23:59:59Z,1\n"         // 8 before 1970
                + "C,2026-11-24T00:00:01Z,1\n"         // 9 more than a day ahead
                + "C,1372640400,NaN\n"                 // 10
                + "C,1372640400,Infinity\n"            // 11
                + "C,1372640400,\"1,5\"\n"             // 12 decimal comma
                + "C,,1\n"                             // 13 empty timestamp
                + "C,1372640400,\n"                    // 14 no value at all
                + "C,1372640400\n"                     // 15 too few fields
                + "C,1372640400,1,2\n"                 // 16 too many fields
                + "C,1372640400,\"1\n"                 // 17 unbalanced quote
                + "OK2,2026-11-23T23:00:00Z,2\n");     // 18 within a day: stored
        FileLoad load = load(InputKind.CONSUMPTION, company, csv);
        assertThat(load.report()).isEqualTo(new LoadReport(17, 2, 15, 0));
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company)).keySet())
                .containsExactlyInAnyOrder("4~1372640400~OK1", "48~1795474800~OK2");
        assertThat(rejects(load)).containsExactly(
                List.of("3", "contractId is empty", ",1372640400,1"),
                List.of("4", "contractId \"A~B\" contains '~', the row-key separator", "A~B,1372640400,1"),
                List.of("5", "contractId \"A\\u0001B\" contains a control character (U+0001)", "A\u0001B,1372640400,1"),
                List.of("6", "contractId \"xxxxxxxxxxxxxxxxxxxx...\" has 65 characters: at most 64 are allowed",
                        longId + ",1372640400,1"),
                List.of("7", "timestamp \"yesterday\" is not a timestamp (use epoch seconds, 2013-07-01T01:00:00Z,"
                        + " 2013-07-01T03:00:00+02:00 or 2013-07-01 01:00:00)", "C,yesterday,1"),
                List.of("8", "timestamp \"1969-12-31T23:59:59Z\" is before 1970", "C,1969-12-31T23:59:59Z,1"),
                List.of("9", "timestamp \"2026-11-24T00:00:01Z\" is more than one day in the future",
                        "C,2026-11-24T00:00:01Z,1"),
                List.of("10", "v \"NaN\" is not a number (use '.' as decimal point)", "C,1372640400,NaN"),
                List.of("11", "v \"Infinity\" is not a number (use '.' as decimal point)", "C,1372640400,Infinity"),
                List.of("12", "v \"1,5\" is not a number (use '.' as decimal point)", "C,1372640400,\"1,5\""),
                List.of("13", "timestamp is empty", "C,,1"),
                List.of("14", "the row has no value: both v and va are empty", "C,1372640400,"),
                List.of("15", "too few fields: expected 3, found 2", "C,1372640400"),
                List.of("16", "too many fields: expected 3, found 4", "C,1372640400,1,2"),
                List.of("17", "unbalanced quote: a quoted field does not close on this line", "C,1372640400,\"1"));
    }

    @Test
    void bomCrlfQuotedNewlinesAndBlankLines() throws IOException {
        CompanyId company = CompanyId.of("1000000005");
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("contractId,timestamp,v,timeSlotName\r\n"
                        + "A,1372640400,1,\"two\r\nlines\"\r\n"
                        + "\r\n"
                        + "B,1372640400,2,\"say \"\"hi\"\"\"\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(load(InputKind.CONSUMPTION, company, csv).report()).isEqualTo(new LoadReport(2, 2, 0, 0));
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company))).isEqualTo(Map.of(
                "4~1372640400~A", Map.of("m:v", "1", "m:calc", "0", "m:timeSlotName", "two\r\nlines"),
                "4~1372640400~B", Map.of("m:v", "2", "m:calc", "0", "m:timeSlotName", "say \"hi\"")));
    }

    @Test
    void invalidUtf8IsOneRejectedRow() throws IOException {
        CompanyId company = CompanyId.of("1000000006");
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, concat("contractId,timestamp,v\nA,1372640400,1\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'N', (byte) 0xD1, 'U', ',', '1', '3', '7', '2', '6', '4', '0', '4', '0', '0', ',', '1', '\n'},
                "ñ,1372640400,3\n".getBytes(StandardCharsets.UTF_8)));
        FileLoad load = load(InputKind.CONSUMPTION, company, csv);
        assertThat(load.report()).isEqualTo(new LoadReport(3, 2, 1, 0));
        assertThat(rejects(load)).containsExactly(List.of("3", "invalid UTF-8 in the row", "N\uFFFDU,1372640400,1"));
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company)).keySet())
                .containsExactlyInAnyOrder("4~1372640400~A", "4~1372640400~ñ");
    }

    @Test
    void duplicateKeysLastWinsAndAreCounted() throws IOException {
        CompanyId company = CompanyId.of("1000000007");
        Path csv = write("dup.csv", """
                contractId,timestamp,v
                A,1372640400,1
                A,1372644000,5
                A,1372640400,2
                A,1372640400,3
                """);
        assertThat(load(InputKind.CONSUMPTION, company, csv).report()).isEqualTo(new LoadReport(4, 4, 0, 2));
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company))).isEqualTo(Map.of(
                "4~1372640400~A", Map.of("m:v", "3", "m:calc", "0"),
                "40~1372644000~A", Map.of("m:v", "5", "m:calc", "0")));
    }

    @Test
    void loadingTwiceLeavesTheSameCellsAndGzipIsRead() throws IOException {
        CompanyId company = CompanyId.of("1000000008");
        Path csv = dir.resolve("c.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv))) {
            out.write("contractId,timestamp,v,va\nA,1372640400,1,100\nB,1372640400,,7\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        load(InputKind.CONSUMPTION, company, csv);
        Map<String, Map<String, String>> first = cells(EnmaTable.consumption("electricityConsumption", company));
        assertThat(load(InputKind.CONSUMPTION, company, csv).report()).isEqualTo(new LoadReport(2, 2, 0, 0));
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company))).isEqualTo(first).isEqualTo(Map.of(
                "4~1372640400~A", Map.of("m:v", "1", "m:va", "100", "m:calc", "0"),
                "4~1372640400~B", Map.of("m:va", "7")));
    }

    @Test
    void rowsMappedOnSeveralThreadsKeepTheirUploadOrder() throws IOException {
        // 5,000 rows, more than two chunks of RowWorkers: row i (line i + 1) is v=i at hour i % 2500, so rows
        // 2501..5000 repeat the keys of rows 1..2500 (row 2500 and 5000 both at hour 0); every 1000th row is bad.
        StringBuilder csv = new StringBuilder("contractId,timestamp,v\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append("A,").append(1372640400L + (i % 2500) * 3600L).append(',').append(i % 1000 == 0 ? "x" : i)
                    .append('\n');
        }
        Path file = write("ordered.csv", csv.toString());
        FileLoad put = load(InputKind.CONSUMPTION, CompanyId.of("1000000015"), file);
        List<List<String>> putRejects = rejects(put);
        FileLoad bulk = loader.bulk(dir.toUri().toString()).load(InputKind.CONSUMPTION,
                Optional.of(CompanyId.of("1000000016")), "electricityConsumption", List.of(file)).files().get(0);
        for (FileLoad load : List.of(put, bulk)) {
            // stored 4,995; duplicates: the 2,497 stored rows after 2500, less 3500 and 4500 whose first was rejected
            assertThat(load.report()).isEqualTo(new LoadReport(5000, 4995, 5, 2495));
        }
        assertThat(putRejects).extracting(r -> r.get(0)).containsExactly("1001", "2001", "3001", "4001", "5001");
        assertThat(rejects(bulk)).isEqualTo(putRejects);
        for (String company : List.of("1000000015", "1000000016")) {
            Map<Long, String> vByHour = new TreeMap<>();
            cells(EnmaTable.consumption("electricityConsumption", CompanyId.of(company))).forEach((key, row) ->
                    vByHour.put((Long.parseLong(key.split("~")[1]) - 1372640400L) / 3600, row.get("m:v")));
            assertThat(vByHour).hasSize(2500);
            // the later row wins (v = hour + 2500), except where it was rejected: rows 3000 and 4000
            for (long hour = 0; hour < 2500; hour++) {
                String expected = hour == 500 ? "500" : hour == 1500 ? "1500" : String.valueOf(hour + 2500);
                assertThat(vByHour.get(hour)).as("hour %d of %s", hour, company).isEqualTo(expected);
            }
        }
    }

    // ---------- the bulk path ----------

    @Test
    void bulkLoadStoresTheSameCellsAndReportsAsThePutPath() throws IOException {
        CompanyId company = CompanyId.of("1000000013");
        Path csv = write("bulk.csv", """
                contractId,timestamp,v,va
                A,1372640400,1,100
                A,1372644000,5,
                A,1372640400,2,
                B~,1372640400,2,
                B,1372647600,,7
                """);
        FileLoad load = loader.bulk(dir.toUri().toString()).load(InputKind.CONSUMPTION, Optional.of(company),
                "electricityConsumption", List.of(csv)).files().get(0);
        assertThat(load.report()).isEqualTo(new LoadReport(5, 4, 1, 1));
        assertThat(rejects(load)).extracting(r -> r.get(0)).containsExactly("5");
        // the duplicate's v wins; its empty va leaves the earlier va, exactly as Puts merge
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company))).isEqualTo(Map.of(
                "4~1372640400~A", Map.of("m:v", "2", "m:va", "100", "m:calc", "0"),
                "40~1372644000~A", Map.of("m:v", "5", "m:calc", "0"),
                "76~1372647600~B", Map.of("m:va", "7")));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("enma-bulk-"))).isEmpty();
        }
    }

    @Test
    void aCorrectedUploadReplacesAnEstimateOnThePutPath() throws IOException {
        correctedUploadReplacesAnEstimate(CompanyId.of("1000000033"), loader);
    }

    @Test
    void aCorrectedUploadReplacesAnEstimateOnTheBulkPath() throws IOException {
        correctedUploadReplacesAnEstimate(CompanyId.of("1000000034"), loader.bulk(dir.toUri().toString()));
    }

    /**
     * A spike set aside by validation (its upload in {@code raw}, the estimate in {@code v}), then the same key
     * uploaded again: the new value, {@code calc = 0}, and nothing of the validation left; a row with only a reading
     * ({@code va}) keeps what validation wrote.
     */
    private void correctedUploadReplacesAnEstimate(CompanyId company, Loader into) throws IOException {
        EnmaTable table = EnmaTable.consumption("electricityConsumption", company);
        Path first = write("first-" + company + ".csv", """
                contractId,timestamp,v,va
                A,1372640400,50,
                A,1372644000,1,
                B,1372640400,,7
                """);
        into.load(InputKind.CONSUMPTION, Optional.of(company), "electricityConsumption", List.of(first));
        // what enma validate leaves: the trust table, a replaced suspect, an estimate beside B's reading
        new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE)
                .ensure(EnmaTable.trustOf(table));
        try (Table t = stack.connection().getTable(names.of(table))) {
            t.put(List.of(put("4~1372640400~A", "v", "1.1", "calc", "1", "est", "linear", "q", "spike", "raw", "50"),
                    put("4~1372640400~B", "v", "0.5", "calc", "1", "est", "linear")));
        }
        Path corrected = write("corrected-" + company + ".csv", """
                contractId,timestamp,v,va
                A,1372640400,1.2,
                B,1372640400,,7
                """);
        into.load(InputKind.CONSUMPTION, Optional.of(company), "electricityConsumption", List.of(corrected));
        assertThat(cells(table)).isEqualTo(Map.of(
                "4~1372640400~A", Map.of("m:v", "1.2", "m:calc", "0"),
                "40~1372644000~A", Map.of("m:v", "1", "m:calc", "0"),
                "4~1372640400~B", Map.of("m:va", "7", "m:v", "0.5", "m:calc", "1", "m:est", "linear")));
    }

    private static org.apache.hadoop.hbase.client.Put put(String key, String... cells) {
        var put = new org.apache.hadoop.hbase.client.Put(Bytes.toBytes(key));
        for (int i = 0; i < cells.length; i += 2) {
            put.addColumn(Bytes.toBytes("m"), Bytes.toBytes(cells[i]), Bytes.toBytes(cells[i + 1]));
        }
        return put;
    }

    @Test
    void bulkDuplicatesAcrossBatchesLastWins() throws IOException {
        EnmaTable table = EnmaTable.consumption("electricityConsumption", CompanyId.of("1000000014"));
        try (HFileSink sink = rowPerBatchSink(table, dir)) {
            for (String v : new String[] {"1", "2", "3"}) {
                sink.write(new Put(Bytes.toBytes("4~1372640400~A"))
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes(v)), !v.equals("1"));
            }
            sink.write(new Put(Bytes.toBytes("91~1372649100~Z"))
                    .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes("9")), false);
            sink.commit();
        }
        assertThat(cells(table)).isEqualTo(Map.of("4~1372640400~A", Map.of("m:v", "3"),
                "91~1372649100~Z", Map.of("m:v", "9")));
    }

    @Test
    void moreBatchesThanHBaseTakesFilesOfARegionStillLoad() throws IOException {
        EnmaTable table = EnmaTable.consumption("electricityConsumption", CompanyId.of("1000000025"));
        // 40 one-row batches into one region: 40 HFiles for it, past HBase's default of 32 a bulk load takes
        try (HFileSink sink = rowPerBatchSink(table, dir)) {
            for (int i = 0; i < 40; i++) {
                sink.write(new Put(Bytes.toBytes("4~1372640400~C" + i))
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes(Integer.toString(i))), false);
            }
            sink.commit();
        }
        assertThat(cells(table)).hasSize(40).containsEntry("4~1372640400~C39", Map.of("m:v", "39"));
    }

    @Test
    void aBulkSinkClosedWithoutCommitHandsNothingOverAndLeavesNoStaging() throws IOException {
        EnmaTable table = EnmaTable.consumption("electricityConsumption", CompanyId.of("1000000021"));
        Path staging = Files.createDirectory(dir.resolve("staging"));
        // both rows are written as HFiles before the sink is abandoned
        try (HFileSink sink = rowPerBatchSink(table, staging)) {
            for (String contract : new String[] {"A", "B"}) {
                sink.write(new Put(Bytes.toBytes("4~1372640400~" + contract))
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes("1")), false);
            }
        }
        assertThat(cells(table)).isEmpty();
        try (var files = Files.list(staging)) {
            assertThat(files).isEmpty();
        }
    }

    /** A bulk sink into the table, created now, whose one-byte batch limit makes every row a batch of its own. */
    private HFileSink rowPerBatchSink(EnmaTable table, Path staging) throws IOException {
        var hbaseTable = new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.GZ).ensure(table);
        return new HFileSink(stack.connection(), TargetTable.existing(hbaseTable), staging.toUri().toString(), 1,
                ValidationMarks.NONE);
    }

    @Test
    void aBulkLoadThatFailsMidwayLeavesTheTableAsItWasAndReportsTheFirstError() throws IOException {
        CompanyId company = CompanyId.of("1000000022");
        EnmaTable table = EnmaTable.consumption("electricityConsumption", company);
        new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.GZ).ensure(table);
        Path staging = Files.createDirectory(dir.resolve("staging"));
        Path first = write("first.csv", "contractId,timestamp,v\nA,1372640400,1\nB,1372640400,2\n");
        Path second = write("second.csv", "contractId,timestamp,v\nC,1372640400,3\n");
        // the second file's rejects file cannot be replaced: the load fails after the first file's rows were taken
        Path blocked = Files.createDirectories(RejectsFile.of(second).resolve("inside"));
        assertThatThrownBy(() -> loader.bulk(staging.toUri().toString()).load(InputKind.CONSUMPTION,
                Optional.of(company), "electricityConsumption", List.of(first, second)))
                .isInstanceOf(java.nio.file.DirectoryNotEmptyException.class)
                .hasMessageContaining(blocked.getParent().toString());
        assertThat(cells(table)).isEmpty();
        try (var files = Files.list(staging)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aLoadToldTheDaysBeforeWritingThemEvenWhenItFailsMidway() throws IOException {
        CompanyId company = CompanyId.of("1000000023");
        Path first = write("days1.csv", "contractId,timestamp,v\nA,1372640400,1\nA,1372726800,2\nB,1372640400,3\n");
        Path second = write("days2.csv", "contractId,timestamp,v\nC,1372640400,3\n");
        Files.createDirectories(RejectsFile.of(second).resolve("inside"));
        java.util.Set<org.enma.schema.ContractDay> told = new java.util.TreeSet<>(
                java.util.Comparator.comparing(org.enma.schema.ContractDay::toString));
        assertThatThrownBy(() -> loader.tellingDays((table, days, wholeDays) -> {
            assertThat(table).isEqualTo(EnmaTable.consumption("electricityConsumption", company));
            assertThat(wholeDays).isEmpty();
            told.addAll(days);
        }).load(InputKind.CONSUMPTION, Optional.of(company), "electricityConsumption", List.of(first, second)))
                .isInstanceOf(java.nio.file.DirectoryNotEmptyException.class);
        // 1372640400 = 2013-07-01 01:00Z → 03:00 Madrid, 1 July; 1372726800 = 2 July 03:00 Madrid
        assertThat(told).extracting(Object::toString).containsExactly(
                "ContractDay[contractId=A, day=2013-07-01]", "ContractDay[contractId=A, day=2013-07-02]",
                "ContractDay[contractId=B, day=2013-07-01]");
    }

    @Test
    void aLoadWhoseDaysCannotBeRecordedWritesNothing() throws IOException {
        CompanyId company = CompanyId.of("1000000024");
        Path csv = write("unrecorded.csv", "contractId,timestamp,v\nA,1372640400,1\n");
        assertThatThrownBy(() -> loader.tellingDays((table, days, wholeDays) -> {
            throw new IllegalStateException("MongoDB went away");
        }).load(InputKind.CONSUMPTION, Optional.of(company), "electricityConsumption", List.of(csv)))
                .hasMessage("MongoDB went away");
        assertThat(cells(EnmaTable.consumption("electricityConsumption", company))).isEmpty();
    }

    @Test
    void aBulkLoadTellsAFilesDaysInOneCallBeforeItsCommitAndWritesNothingWhenTheyCannotBeRecorded()
            throws IOException {
        CompanyId company = CompanyId.of("1000000031");
        // 70,000 rows: more than a Put load's batch of 65,536, so that the Put path would have told twice
        StringBuilder rows = new StringBuilder("contractId,timestamp,v\n");
        for (int r = 0; r < 70_000; r++) {
            rows.append('C').append(r % 7).append(',').append(1372640400L + 3600L * (r / 7)).append(",1\n");
        }
        Path csv = write("bulkdays.csv", rows.toString());
        List<Integer> calls = new ArrayList<>();
        loader.bulk(dir.toUri().toString()).tellingDays((table, days, wholeDays) -> calls.add(days.size()))
                .load(InputKind.CONSUMPTION, Optional.of(company), "electricityConsumption", List.of(csv));
        // 10,000 hours of 7 contracts from 1 July 2013 03:00 Madrid to 21 August 2014: 417 local days
        assertThat(calls).containsExactly(7 * 417);
        CompanyId failed = CompanyId.of("1000000032");
        assertThatThrownBy(() -> loader.bulk(dir.toUri().toString()).tellingDays((table, days, wholeDays) -> {
            throw new IllegalStateException("MongoDB went away");
        }).load(InputKind.CONSUMPTION, Optional.of(failed), "electricityConsumption", List.of(csv)))
                .hasMessage("MongoDB went away");
        assertThat(cells(EnmaTable.consumption("electricityConsumption", failed))).isEmpty();
    }

    // ---------- file-level errors: nothing written ----------

    @Test
    void fileLevelProblemsWriteNothing() throws IOException {
        CompanyId company = CompanyId.of("1000000009");
        Path good = write("good.csv", "contractId,timestamp,v\nA,1372640400,1\n");
        Path missing = write("missing.csv", "contractId,v\nA,1\n");
        assertThatThrownBy(() -> loader.load(InputKind.CONSUMPTION, Optional.of(company), "electricityConsumption",
                List.of(good, missing)))
                .isInstanceOf(FileRejected.class)
                .hasMessage(missing + ": missing required column \"timestamp\". Expected columns: contractId (required),"
                        + " timestamp (required), v, va, timeSlotName, energyCost, flatRate, periodKey");
        Path unknown = write("unknown.csv", "contractId,timestamp,v,kwh\nA,1372640400,1,2\n");
        assertThatThrownBy(() -> load(InputKind.CONSUMPTION, company, unknown))
                .hasMessageStartingWith(unknown + ": unknown column \"kwh\". Expected columns: ");
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> load(InputKind.CONSUMPTION, company, empty))
                .hasMessage(empty + ": the file is empty (a header row is required)");
        assertThatThrownBy(() -> load(InputKind.CONSUMPTION, company, dir.resolve("nope.csv")))
                .hasMessage(dir.resolve("nope.csv") + ": no such file");

        Path truncated = dir.resolve("t.csv.gz");
        byte[] gz = gzip("contractId,timestamp,v\n" + "A,1372640400,1\n".repeat(1000));
        Files.write(truncated, Arrays.copyOf(gz, gz.length - 20));
        assertThatThrownBy(() -> load(InputKind.CONSUMPTION, company, truncated))
                .hasMessageStartingWith(truncated + ": the gzip data is truncated or corrupt");

        assertThat(stack.connection().getAdmin().tableExists(
                names.of(EnmaTable.consumption("electricityConsumption", company)))).isFalse();
    }

    // ---------- the other kinds ----------

    @Test
    void customersGoIntoTheirFamiliesWithDatesInUtc() throws IOException {
        CompanyId company = CompanyId.of("1000000010");
        Path csv = write("customers.csv", """
                contractId,tariffId,postalCode,totalPersonsNumber,dateStart,weatherStationId,city
                C1,3.0A,08001,3,2013-01-01 00:00:00,ST1,Barcelona
                C2,T~1,08002,,,,
                C3,,08003,,2013-01-01,,
                """);
        FileLoad load = load(InputKind.CUSTOMERS, company, csv);
        assertThat(load.report()).isEqualTo(new LoadReport(3, 1, 2, 0));
        assertThat(rejects(load)).extracting(r -> r.get(1)).containsExactly(
                "tariffId \"T~1\" contains '~', the row-key separator",
                "dateStart \"2013-01-01\" is not a timestamp (use epoch seconds, 2013-07-01T01:00:00Z,"
                        + " 2013-07-01T03:00:00+02:00 or 2013-07-01 01:00:00)");
        // local Madrid midnight of 2013-01-01 is 2012-12-31T23:00:00Z
        assertThat(cells(EnmaTable.customers(), company + "~")).isEqualTo(Map.of(
                company + "~C1", Map.of("info:tariffId", "3.0A", "address:postalCode", "08001",
                        "profile:totalPersonsNumber", "3", "info:dateStart", "2012-12-31T23:00:00Z",
                        "info:weatherStationId", "ST1", "address:city", "Barcelona")));
    }

    @Test
    void tariffsCheckDatesDaysAndTimesOfDay() throws IOException {
        CompanyId company = CompanyId.of("1000000011");
        String header = "tariffId,dateStart_flatRate,dateEnd_flatRate,dateStart_energyCost,dateEnd_energyCost,"
                + "periodKey,timeSlotName,flatRate,energyCost,periodStart,periodEnd,hourStart,hourEnd,days\n";
        Path csv = write("tariffs.csv", header
                + "3.0A,20130101,20131231,20130101,20130630,P1,Peak,3.5,14.2,1101,0331,220000,060000,\"Fri,Mon,Tue\"\n"
                + "3.0A,20130101,20131231,20130101,20130630,P2,Leap,3.5,9,0229,0229,000000,000000,\"Sat,Sun\"\n"
                + "3.0A,20130101,20131231,20130101,20130630,P3,X,3.5,9,1301,0331,000000,000000,Mon\n"
                + "3.0A,20130101,20131231,20130101,20130630,P3,X,3.5,9,0431,0331,000000,000000,Mon\n"
                + "3.0A,20130101,20131231,20130101,20130630,P3,X,3.5,9,0101,0331,240000,000000,Mon\n"
                + "3.0A,20130101,20131231,20130101,20130630,P3,X,3.5,9,0101,0331,000000,006000,Mon\n"
                + "3.0A,20130101,20131231,20130101,20130630,P3,X,3.5,9,0101,0331,000000,000000,\"Mon,Funday\"\n"
                + "3.0A,20130101,20131231,20130101,20130630,P3,X,3.5,9,0101,0331,000000,000000,\"Mon,Mon\"\n"
                + "3.0A,20131231,20130101,20130101,20130630,P3,X,3.5,9,0101,0331,000000,000000,Mon\n"
                + "3.0A,20130101,20131231,20130101,20130631,P3,X,3.5,9,0101,0331,000000,000000,Mon\n");
        FileLoad load = load(InputKind.TARIFFS, company, csv);
        assertThat(load.report()).isEqualTo(new LoadReport(10, 2, 8, 0));
        assertThat(rejects(load)).extracting(r -> r.get(1)).containsExactly(
                "periodStart \"1301\" is not a day of the year as mmdd (e.g. 1101)",
                "periodStart \"0431\" is not a day of the year as mmdd (e.g. 1101)",
                "hourStart \"240000\" is not a time of day as HHMMSS (000000..235959)",
                "hourEnd \"006000\" is not a time of day as HHMMSS (000000..235959)",
                "days \"Mon,Funday\" has \"Funday\", which is not one of Mon,Tue,Wed,Thu,Fri,Sat,Sun",
                "days \"Mon,Mon\" names Mon twice",
                "dateStart_flatRate 20131231 is after dateEnd_flatRate 20130101",
                "dateEnd_energyCost \"20130631\" is not a calendar date");
        assertThat(cells(EnmaTable.tariffs(), company + "~")).isEqualTo(Map.of(
                company + "~3.0A~20130101~20131231~20130101~20130630~P1", Map.of("m:timeSlotName", "Peak",
                        "m:flatRate", "3.5", "m:energyCost", "14.2", "m:periodStart", "1101", "m:periodEnd", "0331",
                        "m:hourStart", "220000", "m:hourEnd", "060000", "m:days", "Mon,Tue,Fri"),
                company + "~3.0A~20130101~20131231~20130101~20130630~P2", Map.of("m:timeSlotName", "Leap",
                        "m:flatRate", "3.5", "m:energyCost", "9", "m:periodStart", "0229", "m:periodEnd", "0229",
                        "m:hourStart", "000000", "m:hourEnd", "000000", "m:days", "Sat,Sun")));
    }

    @Test
    void stationsCheckDegreesMinutesSeconds() throws IOException {
        CompanyId company = CompanyId.of("1000000012");
        Path csv = write("stations.csv", """
                stationId,lat,long,altitude,city
                ST1,40 57 31 N,00 52 18 E,120,Lleida
                ST2,40 57 31 E,00 52 18 E,,
                ST3,91 00 00 N,,,
                ST4,40 61 00 N,,,
                ST5,40.95 N,,,
                ST6,,180 00 01 W,,
                """);
        FileLoad load = load(InputKind.STATIONS, company, csv);
        assertThat(load.report()).isEqualTo(new LoadReport(6, 1, 5, 0));
        assertThat(rejects(load)).extracting(r -> r.get(0)).containsExactly("3", "4", "5", "6", "7");
        assertThat(rejects(load).get(0).get(1))
                .isEqualTo("lat \"40 57 31 E\" is not degrees-minutes-seconds with orientation N/S (e.g. 40 57 31 N),"
                        + " within 90 degrees");
        assertThat(cells(EnmaTable.stations(), company + "~")).isEqualTo(Map.of(
                company + "~ST1", Map.of("address:lat", "40 57 31 N", "address:long", "00 52 18 E",
                        "address:altitude", "120", "address:city", "Lleida")));
    }

    @Test
    void weatherIsSharedAndKeyedByStation() throws IOException {
        Path csv = write("weather.csv", """
                stationId,timestamp,v
                ST1,1372640400,-3.50
                ST1,1372644000,
                """);
        FileLoad load = loader.load(InputKind.WEATHER, Optional.empty(), "windSpeed", List.of(csv)).files().get(0);
        assertThat(load.report()).isEqualTo(new LoadReport(2, 1, 1, 0));
        assertThat(cells(EnmaTable.weather("windSpeed"))).isEqualTo(Map.of(
                "4~1372640400~ST1", Map.of("m:v", "-3.5")));
    }

    // ---------- helpers ----------

    private FileLoad load(InputKind kind, CompanyId company, Path csv) throws IOException {
        return load(kind, company, csv, "electricityConsumption");
    }

    private FileLoad load(InputKind kind, CompanyId company, Path csv, String type) throws IOException {
        return loader.load(kind, Optional.of(company), type, List.of(csv)).files().get(0);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<List<String>> rejects(FileLoad load) throws IOException {
        String text = Files.readString(load.rejects().orElseThrow(), StandardCharsets.UTF_8);
        try (var parser = org.apache.commons.csv.CSVParser.parse(text, org.apache.commons.csv.CSVFormat.RFC4180)) {
            List<List<String>> rows = parser.getRecords().stream().map(r -> List.of(r.values())).toList();
            assertThat(rows.get(0)).containsExactly("line", "reason", "original");
            return rows.subList(1, rows.size());
        }
    }

    static Map<String, Map<String, String>> cells(EnmaTable table) throws IOException {
        return cells(table, "");
    }

    static Map<String, Map<String, String>> cells(EnmaTable table, String prefix) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (Table t = stack.connection().getTable(names.of(table));
             ResultScanner scanner = t.getScanner(new Scan().setStartStopRowForPrefixScan(Bytes.toBytes(prefix)))) {
            for (Result r : scanner) {
                Map<String, String> row = new TreeMap<>();
                for (Cell c : r.rawCells()) {
                    row.put(Bytes.toString(CellUtil.cloneFamily(c)) + ":" + Bytes.toString(CellUtil.cloneQualifier(c)),
                            Bytes.toString(CellUtil.cloneValue(c)));
                }
                rows.put(Bytes.toString(r.getRow()), row);
            }
        }
        return rows;
    }

    private static byte[] gzip(String text) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EnmaStackExtension.class)
class TablesAndScanIT {
    private static final EnmaTable CONSUMPTION = EnmaTable.consumption("electricityConsumption",
            CompanyId.of("1111111111"));
    private static String[] settings;

    /** Rows of 8 KiB of random hex digits each, all of one hour: 8 MiB in one region of the weather table. */
    private static final int WEATHER_ROWS = 1024;
    private static final EnmaTable WEATHER = EnmaTable.weather("temperatureAir");

    @BeforeAll
    static void fill(TestStack stack) throws IOException {
        settings = new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--namespace", stack.namespace()};
        TableNames names = new TableNames(stack.namespace());
        TableCreator creator = new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.GZ);
        creator.ensure(CONSUMPTION);
        creator.ensure(EnmaTable.customers());
        try (Table t = stack.connection().getTable(names.of(CONSUMPTION))) {
            List<Put> puts = new ArrayList<>();
            for (long ts : new long[] {1372640400L, 1372644000L, 1372647600L}) {
                puts.add(new Put(MeasureKey.of(ts, "CHBB").encode())
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes("0.412"))
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("calc"), Bytes.toBytes("0")));
            }
            t.put(puts);
        }
        creator.ensure(WEATHER);
        java.util.Random random = new java.util.Random(7);
        try (Table t = stack.connection().getTable(names.of(WEATHER))) {
            List<Put> puts = new ArrayList<>();
            for (int i = 0; i < WEATHER_ROWS; i++) {
                StringBuilder hex = new StringBuilder(8192);
                for (int c = 0; c < 8192; c++) {
                    hex.append(Character.forDigit(random.nextInt(16), 16));
                }
                puts.add(new Put(MeasureKey.of(1372640400L, "ST" + i).encode())
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes(hex.toString())));
            }
            t.put(puts);
        }
        try (Admin admin = stack.connection().getAdmin()) {
            for (EnmaTable table : List.of(CONSUMPTION, EnmaTable.customers(), WEATHER)) {
                admin.flush(names.of(table));
            }
        }
    }

    @Test
    void tablesListsEnmaTablesWithTheirRegionMetricsAndWithCountTheirRows() throws IOException {
        CliRun run = CliRun.of(args("tables"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        // consumption: its 3 rows are in buckets 4, 40 and 76, three of its ten regions: three flushed files, and
        // HBase rounds each region's size up to a whole MiB
        assertThat(run.out().lines().map(l -> List.of(l.split("\\s+"))).toList()).containsExactly(
                List.of("customers", "customers", "1", "0", "0", "0", "0", "-"),
                List.of("electricityConsumption_1111111111", "consumption", "10", "3", "3", "3", "0", "1.00"),
                weather(run.out()));
        assertThat(run.err()).startsWith("TABLE ");
        // 8 MiB of random hex digits in one region: gzip keeps about half of it (a little over, rounded up)
        List<String> weather = weather(run.out());
        assertThat(weather.subList(0, 4)).containsExactly("temperatureAir", "weather", "10", "1");
        long stored = Long.parseLong(weather.get(4));
        long raw = Long.parseLong(weather.get(5));
        assertThat(raw).isBetween(7L, 9L);
        assertThat(stored).isBetween(3L, 6L);
        assertThat(weather.get(6)).isEqualTo("0");
        assertThat(weather.get(7)).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", (double) raw / stored));

        CliRun counted = CliRun.of(args("tables", "--count", "--json"));
        assertThat(counted.exitCode()).as(counted.err()).isZero();
        List<String> lines = counted.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"table\":\"customers\",\"kind\":\"customers\",\"regions\":1,"
                + "\"storeFiles\":0,\"storeFileMiB\":0,\"uncompressedMiB\":0,\"memStoreMiB\":0,"
                + "\"compressionRatio\":null,\"rows\":0}");
        assertThat(lines.get(1)).isEqualTo("{\"table\":\"electricityConsumption_1111111111\",\"kind\":"
                + "\"consumption\",\"regions\":10,\"storeFiles\":3,\"storeFileMiB\":3,\"uncompressedMiB\":3,"
                + "\"memStoreMiB\":0,\"compressionRatio\":1.0,\"rows\":3}");
        assertThat(lines.get(2)).endsWith(",\"rows\":" + WEATHER_ROWS + "}");
    }

    private static List<String> weather(String out) {
        return out.lines().filter(l -> l.startsWith("temperatureAir ")).map(l -> List.of(l.split("\\s+")))
                .findFirst().orElseThrow();
    }

    @Test
    void scanPrintsRowsInKeyOrder() {
        // buckets: 1372640400 → 4, 1372644000 → 40, 1372647600 → 76; byte order "40~" < "4~" < "76~"
        CliRun run = CliRun.of(args("scan", CONSUMPTION.name()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                40~1372644000~CHBB  m:calc=0  m:v=0.412
                4~1372640400~CHBB  m:calc=0  m:v=0.412
                76~1372647600~CHBB  m:calc=0  m:v=0.412
                """);
    }

    @Test
    void scanJsonPrefixAndLimit() {
        CliRun run = CliRun.of(args("scan", CONSUMPTION.name(), "--prefix", "4", "--limit", "1", "--json"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"key\":\"40~1372644000~CHBB\",\"m:calc\":\"0\",\"m:v\":\"0.412\"}\n");
        assertThat(run.err()).contains("more rows");
    }

    @Test
    void missingAndUnknownTablesAreOneClearLine() {
        CliRun missing = CliRun.of(args("scan", "tariffs"));
        assertThat(missing.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(missing.err()).startsWith("enma: table " + settings[7] + ":tariffs does not exist");
        CliRun unknown = CliRun.of(args("scan", "no such table"));
        assertThat(unknown.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(unknown.err()).startsWith("enma: \"no such table\" is not an ENMA table name");
    }

    @Test
    void badUsageExitsWith2() {
        CliRun run = CliRun.of(args("scan"));
        assertThat(run.exitCode()).isEqualTo(Enma.USAGE);
        assertThat(run.err()).contains("Missing required parameter: 'TABLE'");
    }

    @Test
    void anUnreachableClusterIsOneClearLine() {
        CliRun run = CliRun.of("tables", "--hbase-quorum", "127.0.0.1", "--hbase-port", "1",
                "--mongo-uri", "mongodb://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(run.err()).startsWith("enma: cannot reach HBase's ZooKeeper at 127.0.0.1 (port 1)");
    }

    private static String[] args(String... command) {
        return CliRun.concat(command, settings);
    }
}

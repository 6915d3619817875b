package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.bson.Document;
import org.enma.config.Endpoints;
import org.enma.config.StackProcess;
import org.enma.config.StackState;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real embedded stack as a user runs it: a background process started, found, stopped and killed. The tests run
 * in order because each builds on the stack state the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleIT {
    @TempDir
    static Path home;
    private static Path data;
    private static String[] settings;

    @BeforeAll
    static void isolate() throws IOException {
        System.setProperty("enma.home", home.resolve("enma-home").toString());
        data = home.resolve("data");
        settings = new String[] {"--data", data.toString(), "--stack-zk-port", Integer.toString(freePort()),
                "--stack-mongo-port", Integer.toString(freePort())};
    }

    @AfterAll
    static void stopLeftovers() {
        StackState.read(data).ifPresent(s -> ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly));
        System.clearProperty("enma.home");
    }

    @Test
    @Order(1)
    void commandsSayWhenNoStackRuns() {
        CliRun tables = CliRun.of(args("tables"));
        assertThat(tables.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(tables.err()).startsWith("enma: no ENMA stack is running (looked in " + data + ")")
                .contains("scripts/enma stack start").doesNotContain("Exception");
        assertThat(CliRun.of(args("stack", "status")).exitCode()).isEqualTo(Enma.FAILED);
    }

    @Test
    @Order(1)
    void aStateFileNamingALiveStrangerIsNoStackAndTheStrangerIsLeftAlone() throws IOException {
        Path other = home.resolve("stranger");
        Files.createDirectories(other);
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            // what a crashed stack left behind, its pid since given to another process
            new StackState(new StackProcess(stranger.pid(), Instant.parse("2026-01-01T00:00:00Z"),
                    StackProcess.current().command()), other, 2181, 27017, StackState.Phase.RUNNING, "").write();
            CliRun status = CliRun.of("stack", "status", "--data", other.toString());
            assertThat(status.exitCode()).isEqualTo(Enma.FAILED);
            assertThat(status.out()).startsWith("no ENMA stack is running (looked in " + other + ")");
            CliRun stop = CliRun.of("stack", "stop", "--data", other.toString());
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.out()).startsWith("no ENMA stack is running");
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    @Order(2)
    void startRunsTheStackInTheBackgroundAndASecondStartReportsIt() throws Exception {
        CliRun start = CliRun.of(args("stack", "start"));
        assertThat(start.exitCode()).as(start.err()).isZero();
        StackState state = StackState.read(data).orElseThrow();
        assertThat(state.phase()).isEqualTo(StackState.Phase.RUNNING);
        assertThat(start.out()).contains("ZooKeeper 127.0.0.1:" + state.zkPort(), state.mongoUri());

        CliRun again = CliRun.of(args("stack", "start"));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("ENMA stack running (pid " + state.pid() + ")");
        assertThat(CliRun.of(args("stack", "status")).out()).contains("pid " + state.pid());
        // found without flags, through the remembered data directory
        assertThat(CliRun.of("stack", "status").out()).contains("data     " + data);
    }

    @Test
    @Order(3)
    void dataSurvivesAStopAndStart() throws Exception {
        write("row-before-stop", "doc-before-stop");
        CliRun stop = CliRun.of(args("stack", "stop"));
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(StackState.read(data)).isEmpty();
        assertThat(CliRun.of(args("stack", "start")).exitCode()).isZero();
        assertThat(readRow("row-before-stop")).isEqualTo("1");
        assertThat(readDoc("doc-before-stop")).isTrue();
    }

    @Test
    @Order(4)
    void hbaseRowsSurviveAKillMinus9ThroughTheWal() throws Exception {
        write("row-before-kill", "doc-before-kill");
        long pid = StackState.read(data).orElseThrow().pid();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);

        CliRun restart = CliRun.of(args("stack", "start"));
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(readRow("row-before-kill")).isEqualTo("1");
        assertThat(readRow("row-before-stop")).isEqualTo("1");
        // The H2 store commits about every second; a kill right after a write may lose that second, not the file.
        assertThat(readDoc("doc-before-stop")).isTrue();
    }

    @Test
    @Order(5)
    void tablesListsWhatTheStackHolds() {
        CliRun tables = CliRun.of(args("tables", "--count"));
        assertThat(tables.exitCode()).as(tables.err()).isZero();
        // name, kind, 1 region, files, MiB, raw MiB, memstore MiB, ratio, 2 rows
        assertThat(tables.out()).containsPattern("customers\\s+customers\\s+1\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\S+\\s+2\\n");
    }

    /**
     * {@code enma sql} without flags, in a JVM of its own (as a user runs it, with no SparkSession or catalog of
     * another test) and another working directory: its catalog finds the stack started with {@code --data} elsewhere,
     * as every other command does, instead of looking in that directory's {@code ./enma-data}.
     */
    @Test
    @Order(5)
    void sqlFindsTheStackStartedElsewhereFromAnotherWorkingDirectory() throws Exception {
        // a company's table, for the catalog to show its namespace
        try (Connection c = ConnectionFactory.createConnection(endpoints().hbaseConfiguration())) {
            new TableCreator(c.getAdmin(), new TableNames(""), Compression.Algorithm.GZ).ensure(EnmaTable.consumption(
                    "electricityConsumption", CompanyId.of("1111111111")));
        }
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Denma.home=" + System.getProperty("enma.home")));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Enma.class.getName(), "sql",
                "--format", "csv", "SHOW NAMESPACES IN enma"));
        Path out = home.resolve("sql.out");
        Path err = home.resolve("sql.err");
        Process sql = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(sql.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(sql.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).isEqualTo("namespace\nc1111111111\n");
    }

    @Test
    @Order(6)
    void aTakenPortIsOneClearLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CliRun start = CliRun.of("stack", "start", "--data", home.resolve("other").toString(),
                    "--stack-zk-port", Integer.toString(taken.getLocalPort()));
            assertThat(start.exitCode()).isEqualTo(Enma.FAILED);
            assertThat(start.err()).isEqualTo("enma: port " + taken.getLocalPort() + " (ZooKeeper) is already in"
                    + " use on 127.0.0.1: stop whatever listens there, or choose another port with"
                    + " --stack-zk-port / ENMA_STACK_ZK_PORT\n");
        }
    }

    @Test
    @Order(7)
    void aDataDirectoryThatCannotBeWrittenIsOneClearLine() throws IOException {
        Path file = Files.writeString(home.resolve("a-file"), "x");
        CliRun start = CliRun.of("stack", "start", "--data", file.resolve("data").toString());
        assertThat(start.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(start.err()).startsWith("enma: data directory " + file.resolve("data") + " is not writable")
                .endsWith("choose another with --data DIR or ENMA_DATA\n");
    }

    @Test
    @Order(8)
    void stopIsCleanAndIdempotent() throws Exception {
        long pid = StackState.read(data).orElseThrow().pid();
        CliRun stop = CliRun.of(args("stack", "stop"));
        assertThat(stop.exitCode()).isZero();
        assertThat(stop.out()).isEqualTo("ENMA stack stopped (data kept in " + data + ")\n");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.readString(data.resolve("stack.log"))).contains("ENMA stack stopped");
        CliRun again = CliRun.of(args("stack", "stop"));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("no ENMA stack is running");
    }

    private static String[] args(String... command) {
        return CliRun.concat(command, settings);
    }

    private static Endpoints endpoints() {
        StackState s = StackState.read(data).orElseThrow();
        return new Endpoints("127.0.0.1", s.zkPort(), s.mongoUri(), "enma");
    }

    private static void write(String row, String doc) throws IOException {
        Endpoints e = endpoints();
        try (Connection c = ConnectionFactory.createConnection(e.hbaseConfiguration())) {
            TableNames names = new TableNames("");
            new TableCreator(c.getAdmin(), names, Compression.Algorithm.GZ).ensure(EnmaTable.customers());
            try (Table t = c.getTable(names.of(EnmaTable.customers()))) {
                t.put(new Put(Bytes.toBytes("1111111111~" + row)).addColumn(Bytes.toBytes("info"),
                        Bytes.toBytes("version"), Bytes.toBytes("1")));
            }
        }
        try (MongoClient client = MongoClients.create(e.mongoUri())) {
            collection(client).insertOne(new Document("_id", doc));
        }
    }

    private static String readRow(String row) throws IOException {
        try (Connection c = ConnectionFactory.createConnection(endpoints().hbaseConfiguration());
             Table t = c.getTable(new TableNames("").of(EnmaTable.customers()))) {
            byte[] v = t.get(new Get(Bytes.toBytes("1111111111~" + row))).getValue(Bytes.toBytes("info"),
                    Bytes.toBytes("version"));
            return v == null ? null : Bytes.toString(v);
        }
    }

    private static boolean readDoc(String doc) {
        try (MongoClient client = MongoClients.create(endpoints().mongoUri())) {
            return collection(client).find(new Document("_id", doc)).first() != null;
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("enma").getCollection("lifecycle");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

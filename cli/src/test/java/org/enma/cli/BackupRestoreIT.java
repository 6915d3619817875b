package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.bson.Document;
import org.enma.store.MongoStore;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `enma backup` and `enma restore` as an operator runs them: load, derive and run an analytic, back up, lose
 * everything, restore — every cell, every document and `enma results --json` as before; and a damaged backup refused
 * with the file named.
 */
@ExtendWith(EnmaStackExtension.class)
class BackupRestoreIT {
    private static final String COMPANY = "4100000001";
    private static TestStack stack;
    private static String[] settings;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load(TestStack testStack) throws IOException {
        stack = testStack;
        settings = settings(stack.namespace(), stack.database());
        StringBuilder consumption = new StringBuilder("contractId,timestamp,va\n");
        int reading = 100;
        // readings from 31 January on: derive gives every February day its v
        for (LocalDate d = LocalDate.of(2013, 1, 31); d.getMonthValue() <= 2; d = d.plusDays(1)) {
            long noon = d.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
            consumption.append("A,").append(noon).append(',').append(reading += 2).append('\n')
                    .append("B,").append(noon).append(',').append(reading * 3).append('\n');
        }
        Path measures = Files.writeString(dir.resolve("consumption.csv"), consumption);
        Path customers = Files.writeString(dir.resolve("customers.csv"), "contractId,postalCode\nA,08001\nB,08002\n");
        Path setup = Files.writeString(dir.resolve("setup.json"), "{\"criteria\": [[]], \"minGroupSize\": 2}");
        for (String[] command : List.of(
                new String[] {"load", "consumption", "--company", COMPANY, measures.toString()},
                new String[] {"load", "customers", "--company", COMPANY, customers.toString()},
                new String[] {"derive", "--company", COMPANY, "--from", "201302", "--to", "201302"},
                new String[] {"run", "OT101", "--company", COMPANY, "--month", "201302", "--setup", setup.toString()},
                new String[] {"apikey", "create", "--company", COMPANY})) {
            CliRun run = CliRun.withSettings(settings, command);
            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isZero();
        }
    }

    private static String[] settings(String namespace, String database) {
        return new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
            "--hbase-rootdir", stack.hbaseConfiguration().get("hbase.rootdir"), "--mongo-uri", stack.mongoUri(),
            "--mongo-database", database, "--namespace", namespace, "--spark-master", "local[2]"};
    }

    @Test
    void backupLoseEverythingRestoreGivesBackEveryCellDocumentAndResult() throws IOException {
        State before = State.of(settings, stack.database());
        assertThat(before.tables()).containsKeys("customers", "electricityConsumption_" + COMPANY, "ot101");
        assertThat(before.tables().get("electricityConsumption_" + COMPANY)).contains("\"m:calc\":\"1\"");
        assertThat(before.collections()).containsKeys("OT101Results", "apiKeys", "jobRuns", "setups", "rollupPending",
                "validatePending");

        Path backup = dir.resolve("b1");
        CliRun made = CliRun.withSettings(settings, "backup", "--to", backup.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        // customers 2 rows, consumption 2 × 29, ot101 2; collections: OT101Results 2, apiKeys 1, jobRuns 2 (derive,
        // OT101), setups 1, rollupPending 29 (a document per day the load and derive recorded, 31 Jan – 28 Feb) and
        // validatePending the same 29
        assertThat(made.out()).startsWith("tables=3 rows=62 collections=6 documents=64 location=");
        CliRun again = CliRun.withSettings(settings, "backup", "--to", backup.toString());
        assertThat(again.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(again.err()).contains("is not empty: back up into a new directory");

        loseEverything(stack.namespace(), stack.database());
        CliRun restored = CliRun.withSettings(settings, "restore", "--from", backup.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).startsWith("tables=3 rows=62 collections=6 documents=64 location=");
        assertThat(State.of(settings, stack.database())).isEqualTo(before);

        CliRun onTop = CliRun.withSettings(settings, "restore", "--from", backup.toString());
        assertThat(onTop.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(onTop.err()).contains("enma: nothing restored: table " + stack.namespace() + ":customers");
        CliRun replaced = CliRun.withSettings(settings, "restore", "--from", backup.toString(), "--replace");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(State.of(settings, stack.database())).isEqualTo(before);

        String[] beside = settings(stack.namespace() + "_copy", stack.database() + "_copy");
        CliRun copy = CliRun.withSettings(beside, "restore", "--from", backup.toString());
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(State.of(beside, stack.database() + "_copy")).isEqualTo(before);
    }

    @Test
    void aDamagedOrUnfinishedBackupIsRefusedNamingTheFile() throws IOException {
        Path backup = dir.resolve("b2");
        assertThat(CliRun.withSettings(settings, "backup", "--to", backup.toString()).exitCode()).isZero();
        String[] elsewhere = settings(stack.namespace() + "_damaged", stack.database() + "_damaged");

        Path hfile;
        try (Stream<Path> files = Files.walk(backup.resolve("hbase/archive"))) {
            hfile = files.filter(Files::isRegularFile).max(Comparator.comparingLong(BackupRestoreIT::size))
                    .orElseThrow();
        }
        byte[] original = Files.readAllBytes(hfile);
        try (RandomAccessFile file = new RandomAccessFile(hfile.toFile(), "rw")) {
            file.setLength(original.length - 10);
        }
        CliRun truncated = CliRun.withSettings(elsewhere, "restore", "--from", backup.toString());
        assertThat(truncated.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(truncated.err()).contains(hfile.toString()).contains("has " + (original.length - 10) + " bytes,"
                + " the manifest says " + original.length + " (truncated?)");

        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(hfile, flipped);
        CliRun corrupt = CliRun.withSettings(elsewhere, "restore", "--from", backup.toString());
        assertThat(corrupt.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(corrupt.err()).contains(hfile + " does not have the content the manifest's SHA-256 says");

        Files.delete(backup.resolve("manifest.json"));
        CliRun unfinished = CliRun.withSettings(elsewhere, "restore", "--from", backup.toString());
        assertThat(unfinished.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(unfinished.err()).contains("manifest.json is missing");
        // nothing was restored by any of them
        try (Admin admin = stack.connection().getAdmin()) {
            assertThat(admin.listTableNames()).noneMatch(t -> t.getNamespaceAsString()
                    .equals(stack.namespace() + "_damaged"));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void loseEverything(String namespace, String database) throws IOException {
        try (Admin admin = stack.connection().getAdmin()) {
            for (TableName table : admin.listTableNamesByNamespace(namespace)) {
                admin.disableTable(table);
                admin.deleteTable(table);
            }
        }
        try (MongoStore mongo = MongoStore.open(stack.mongoUri(), database)) {
            mongo.database().drop();
        }
    }

    /** Every table as `enma scan --json` prints it, every collection's documents, and `enma results --json`. */
    record State(Map<String, String> tables, Map<String, List<String>> collections, String results) {
        static State of(String[] settings, String database) {
            Map<String, String> tables = new TreeMap<>();
            CliRun list = CliRun.withSettings(settings, "tables");
            for (String line : list.out().lines().toList()) {
                String table = line.split("\\s+")[0];
                tables.put(table, CliRun.withSettings(settings, "scan", table, "--limit", "0", "--json").out());
            }
            Map<String, List<String>> collections = new TreeMap<>();
            try (MongoStore mongo = MongoStore.open(stack.mongoUri(), database)) {
                MongoDatabase db = mongo.database();
                for (String name : db.listCollectionNames()) {
                    List<String> docs = new ArrayList<>();
                    db.getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> docs.add(d.toJson()));
                    collections.put(name, docs);
                }
            }
            String results = CliRun.withSettings(settings, "results", "OT101", "--company", COMPANY, "--month",
                    "201302", "--json").out();
            return new State(tables, collections, results);
        }
    }
}

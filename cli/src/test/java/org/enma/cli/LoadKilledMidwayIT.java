package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.cli.stack.StackLauncher;
import org.enma.loaders.synthetic.SyntheticCompany;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A load killed with kill -9 halfway and run again ends with exactly the cells of a clean load. */
@ExtendWith(EnmaStackExtension.class)
class LoadKilledMidwayIT {
    private static final CompanyId KILLED = CompanyId.of("2000000001");
    private static final CompanyId CLEAN = CompanyId.of("2000000002");

    @TempDir
    Path dir;

    @Test
    void rerunAfterKillEqualsCleanLoad(TestStack stack) throws Exception {
        // 150 contracts x 59 days x 24 h = 212,400 hourly rows (fewer the days gappy contracts miss)
        new SyntheticCompany(KILLED, 150, Month.of(2013, 1), 2, 5).writeTo(dir);
        Path csv = dir.resolve("consumption.csv");
        String[] settings = {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--namespace", stack.namespace()};
        TableNames names = new TableNames(stack.namespace());
        TableName killedTable = names.of(EnmaTable.consumption("electricityConsumption", KILLED));

        String[] load = {"load", "consumption", "--company", KILLED.value(), csv.toString()};
        Process child = new ProcessBuilder(childCommand(CliRun.concat(load, settings)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long rowsAtKill = awaitSomeRows(stack, killedTable, child);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        long afterKill = count(stack, killedTable);
        assertThat(afterKill).as("the kill happened midway").isPositive().isLessThan(200_000);
        assertThat(rowsAtKill).isPositive();

        CliRun rerun = CliRun.withSettings(settings, "load", "consumption", "--company", KILLED.value(),
                csv.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        CliRun clean = CliRun.withSettings(settings, "load", "consumption", "--company", CLEAN.value(),
                csv.toString());
        assertThat(clean.exitCode()).isZero();
        assertThat(rerun.out()).isEqualTo(clean.out()).matches("read=(\\d+) stored=\\1 rejected=0 duplicates=0\\n");

        Map<String, String> killedCells = cells(stack, killedTable);
        Map<String, String> cleanCells = cells(stack, names.of(EnmaTable.consumption("electricityConsumption", CLEAN)));
        assertThat(killedCells).hasSize(cleanCells.size()).isEqualTo(cleanCells);
    }

    private static long awaitSomeRows(TestStack stack, TableName table, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            if (stack.connection().getAdmin().tableExists(table)) {
                long rows = count(stack, table);
                if (rows >= 20_000) {
                    return rows;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the child load wrote no rows in time (alive: " + child.isAlive() + ")");
    }

    private static long count(TestStack stack, TableName table) throws IOException {
        long rows = 0;
        try (Table t = stack.connection().getTable(table);
             ResultScanner s = t.getScanner(new Scan().setFilter(new FirstKeyOnlyFilter()).setCaching(10_000))) {
            for (Result ignored : s) {
                rows++;
            }
        }
        return rows;
    }

    /** Every cell as "key/family:qualifier" → value; the company in the key is the only allowed difference. */
    private static Map<String, String> cells(TestStack stack, TableName table) throws IOException {
        Map<String, String> cells = new TreeMap<>();
        try (Table t = stack.connection().getTable(table);
             ResultScanner s = t.getScanner(new Scan().setCaching(10_000))) {
            for (Result r : s) {
                for (Cell c : r.rawCells()) {
                    cells.put(Bytes.toString(r.getRow()) + "/" + Bytes.toString(CellUtil.cloneFamily(c)) + ":"
                            + Bytes.toString(CellUtil.cloneQualifier(c)), Bytes.toString(CellUtil.cloneValue(c)));
                }
            }
        }
        return cells;
    }

    private static List<String> childCommand(String[] args) {
        List<String> command = new ArrayList<>(StackLauncher.javaCommand());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Enma.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}

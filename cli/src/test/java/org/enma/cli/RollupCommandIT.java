package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `enma load` records the days it writes and `enma rollup` redoes them (UTC):
 * <pre>
 * A: 31 Jan 2014 01:00 v 1 (hour 00:00), 3 Feb 10:00 v 2 (hour 09:00, a Monday); B: 31 Jan 01:00 v 3
 * rows: A 6 (1 Jan: MONTH QUARTER YEAR; 27 Jan: WEEK; 31 Jan: HOUR DAY; 1 Feb: MONTH; 3 Feb: WEEK DAY; 3 Feb 09:00:
 * HOUR), B 3 (1 Jan, 27 Jan, 31 Jan), the company total 6 (as A's)
 * </pre>
 */
@ExtendWith(EnmaStackExtension.class)
class RollupCommandIT {
    private static final String COMPANY = "4200000001";
    private static final String PERIODS = "electricityConsumptionPeriods_" + COMPANY;

    @TempDir
    Path dir;

    @Test
    void loadsRecordTheirDaysTheRollupRedoesExactlyThoseAndARebuildAgrees(TestStack stack) throws IOException {
        String[] settings = {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
            "--mongo-uri", stack.mongoUri(), "--mongo-database", stack.database(), "--namespace", stack.namespace(),
            "--spark-master", "local[2]"};
        Path first = Files.writeString(dir.resolve("first.csv"), "contractId,timestamp,v\n"
                + "A,2014-01-31T01:00:00Z,1\nA,2014-02-03T10:00:00Z,2\nB,2014-01-31T01:00:00Z,3\n");
        assertThat(CliRun.withSettings(settings, "load", "consumption", "--company", COMPANY, first.toString())
                .exitCode()).isZero();

        CliRun rollup = CliRun.withSettings(settings, "rollup", "--company", COMPANY);
        assertThat(rollup.exitCode()).as(rollup.err()).isZero();
        assertThat(rollup.out()).isEqualTo("days=3 rows=15\n");
        assertThat(CliRun.withSettings(settings, "rollup", "--company", COMPANY).out()).isEqualTo("days=0 rows=0\n");
        CliRun rebuild = CliRun.withSettings(settings, "rollup", "--company", COMPANY, "--from", "201401", "--to",
                "201402");
        assertThat(rebuild.out()).as(rebuild.err()).isEqualTo("days=3 rows=0\n");
        List<String> before = scan(settings);
        assertThat(before).hasSize(15);

        // a late correction of A's 31 January: A's rows of that day, week, month, quarter and year, and the
        // company's, are rewritten (3 rows each); B and February stay as they were
        Path late = Files.writeString(dir.resolve("late.csv"), "contractId,timestamp,v\nA,2014-01-31T01:00:00Z,5\n");
        assertThat(CliRun.withSettings(settings, "load", "consumption", "--company", COMPANY, late.toString())
                .exitCode()).isZero();
        assertThat(CliRun.withSettings(settings, "rollup", "--company", COMPANY).out())
                .isEqualTo("days=1 rows=6\n");
        List<String> after = scan(settings);
        assertThat(after.stream().filter(r -> r.startsWith("{\"key\":\"1~B~")).toList())
                .isEqualTo(before.stream().filter(r -> r.startsWith("{\"key\":\"1~B~")).toList());
        // A's 31 January: its hour and day now hold the corrected 5 (cells in HBase's order: family, qualifier)
        assertThat(after).contains("{\"key\":\"b~A~201401310000\",\"DAY:max\":\"5\",\"DAY:min\":\"5\",\"DAY:n\":"
                + "\"1\",\"DAY:np\":\"0\",\"DAY:v\":\"5\",\"HOUR:max\":\"5\",\"HOUR:min\":\"5\",\"HOUR:n\":\"1\","
                + "\"HOUR:np\":\"0\",\"HOUR:v\":\"5\"}");
        // the company's year: 5 + 2 + 3, two contracts
        assertThat(after).anyMatch(r -> r.startsWith("{\"key\":\"0~~201401010000\"")
                && r.contains("\"YEAR:v\":\"10\"") && r.contains("\"YEAR:c\":\"2\""));
        // derive records every contract-day it read (it changed nothing here: v uploaded, no tariffs)
        assertThat(CliRun.withSettings(settings, "derive", "--company", COMPANY, "--from", "201401", "--to",
                "201402").exitCode()).isZero();
        assertThat(CliRun.withSettings(settings, "rollup", "--company", COMPANY).out()).isEqualTo("days=3 rows=0\n");
        // the incremental result is what a rebuild gives, byte for byte
        assertThat(CliRun.withSettings(settings, "rollup", "--company", COMPANY, "--from", "201401", "--to",
                "201402").out()).isEqualTo("days=3 rows=0\n");
    }

    private static List<String> scan(String[] settings) {
        return CliRun.withSettings(settings, "scan", PERIODS, "--limit", "0", "--json").out().lines().toList();
    }
}

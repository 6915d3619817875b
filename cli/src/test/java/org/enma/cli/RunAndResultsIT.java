package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `enma run` and `enma results` as scripts use them (docs/cli.md): loaded CSVs in, the job report line out, the results
 * back as JSON lines; and the exit codes of bad runs. Company: A uses 1 kWh and B 3 kWh a day in February 2013.
 */
@ExtendWith(EnmaStackExtension.class)
class RunAndResultsIT {
    private static final String COMPANY = "4000000001";
    private static final Pattern REPORT = Pattern.compile("results=(\\d+) skipped=(\\d+) setupId=([0-9a-f]{24})\n");
    private static String[] settings;
    private static Path setup;

    @BeforeAll
    static void load(TestStack stack, @TempDir Path dir) throws IOException {
        settings = new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--mongo-database", stack.database(),
                "--namespace", stack.namespace(), "--spark-master", "local[2]"};
        StringBuilder consumption = new StringBuilder("contractId,timestamp,v\n");
        for (LocalDate d = LocalDate.of(2013, 2, 1); d.getMonthValue() == 2; d = d.plusDays(1)) {
            long noon = d.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
            consumption.append("A,").append(noon).append(",1\n").append("B,").append(noon).append(",3\n");
        }
        Path measures = Files.writeString(dir.resolve("consumption.csv"), consumption);
        Path customers = Files.writeString(dir.resolve("customers.csv"), "contractId,postalCode\nA,08001\nB,08002\n");
        setup = Files.writeString(dir.resolve("setup.json"), "{\"criteria\": [[]], \"minGroupSize\": 2}");
        assertThat(run("load", "consumption", "--company", COMPANY, measures.toString()).exitCode()).isZero();
        assertThat(run("load", "customers", "--company", COMPANY, customers.toString()).exitCode()).isZero();
    }

    @Test
    void runPrintsTheReportLineAndResultsPrintsTheDocuments() {
        CliRun ot101 = run("run", "OT101", "--company", COMPANY, "--month", "201302", "--setup", setup.toString());
        assertThat(ot101.exitCode()).as(ot101.err()).isZero();
        Matcher report = REPORT.matcher(ot101.out());
        assertThat(report.matches()).as(ot101.out()).isTrue();
        assertThat(report.group(1)).isEqualTo("2");
        assertThat(report.group(2)).isEqualTo("0");
        String setupId = report.group(3);
        // a rerun: same setup, same results
        assertThat(run("run", "ot101", "--company", COMPANY, "--month", "201302", "--setup", setup.toString()).out())
                .isEqualTo(ot101.out());

        CliRun results = run("results", "OT101", "--company", COMPANY, "--month", "201302", "--json");
        assertThat(results.exitCode()).as(results.err()).isZero();
        // A 28, B 84: mean 56; k = max(1, ceil(2 × 0.25)) = 1 → efficient mean 28
        assertThat(results.out().lines().toList()).isEqualTo(List.of(
                "{\"_id\": \"201302~" + COMPANY + "~A~" + setupId + "\", \"contractId\": \"A\", \"companyId\": "
                        + COMPANY + ", \"month\": 201302, \"setupId\": \"" + setupId + "\", \"averageConsumption\":"
                        + " 56.0, \"averageEffConsumption\": 28.0, \"consumption\": 28.0, \"consumptionNumberOfDays\":"
                        + " 28, \"criteria\": \"companyId\", \"diffAverageConsumption\": -50.0,"
                        + " \"diffAverageEffConsumption\": 0.0, \"numberCustomers\": 2, \"numberCustomersEff\": 1}",
                "{\"_id\": \"201302~" + COMPANY + "~B~" + setupId + "\", \"contractId\": \"B\", \"companyId\": "
                        + COMPANY + ", \"month\": 201302, \"setupId\": \"" + setupId + "\", \"averageConsumption\":"
                        + " 56.0, \"averageEffConsumption\": 28.0, \"consumption\": 84.0, \"consumptionNumberOfDays\":"
                        + " 28, \"criteria\": \"companyId\", \"diffAverageConsumption\": 50.0,"
                        + " \"diffAverageEffConsumption\": 200.0, \"numberCustomers\": 2, \"numberCustomersEff\": 1}"));
        CliRun one = run("results", "OT101", "--company", COMPANY, "--contract", "B", "--from", "201301", "--to",
                "201303");
        assertThat(one.out()).isEqualTo("201302  B  " + setupId + "  averageConsumption=56.0"
                + "  averageEffConsumption=28.0  consumption=84.0  consumptionNumberOfDays=28  criteria=companyId"
                + "  diffAverageConsumption=50.0  diffAverageEffConsumption=200.0  numberCustomers=2"
                + "  numberCustomersEff=1\n");
        assertThat(one.err()).isEqualTo("1 result\n");
    }

    @Test
    void badRunsExitWithAMessage() {
        CliRun unknown = run("run", "OT999", "--company", COMPANY, "--month", "201302");
        assertThat(unknown.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(unknown.err()).startsWith("enma: unknown analytic \"OT999\": ENMA runs OT101, OT103, OT201");
        CliRun month = run("run", "OT101", "--company", COMPANY, "--month", "2013-02");
        assertThat(month.exitCode()).isEqualTo(Enma.USAGE);
        assertThat(month.err()).contains("month \"2013-02\" is invalid: write it as YYYYMM");
        CliRun missing = run("run", "OT201", "--company", "4000000009", "--month", "201302");
        assertThat(missing.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(missing.err()).contains("enma: OT201 failed: table ").contains("electricityConsumption_4000000009"
                + " does not exist");
        CliRun badSetup = run("run", "OT101", "--company", COMPANY, "--month", "201302", "--setup",
                setup.resolveSibling("none.json").toString());
        assertThat(badSetup.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(badSetup.err()).contains("enma: setup file ").contains("none.json does not exist");
        String[] mongoDown = settings.clone();
        mongoDown[5] = "mongodb://127.0.0.1:1";
        CliRun down = CliRun.withSettings(mongoDown, "run", "OT101", "--company", COMPANY, "--month", "201302");
        assertThat(down.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(down.err()).contains("enma: OT101 failed: cannot reach MongoDB at mongodb://127.0.0.1:1");
        CliRun range = run("results", "OT101", "--company", COMPANY, "--from", "201303", "--to", "201302");
        assertThat(range.exitCode()).isEqualTo(Enma.USAGE);
        assertThat(range.err()).contains("--from 201303 is after --to 201302");
    }

    @Test
    void deriveEndsWithItsSummaryLineAndSaysWhyNothingIsPriced() {
        CliRun derive = run("derive", "--company", COMPANY, "--from", "201302", "--to", "201302");
        assertThat(derive.exitCode()).as(derive.err()).isZero();
        // 2 contracts × 28 days; v uploaded, so nothing to derive; no tariffs loaded, so nothing priced
        assertThat(derive.out()).isEqualTo("measures=56 derived=0 priced=0 unpriced=56 ambiguous=0 resets=0 badCells=0\n");
        assertThat(derive.err()).contains("has no tariffs loaded: every measure stays unpriced");
        CliRun backwards = run("derive", "--company", COMPANY, "--from", "201303", "--to", "201302");
        assertThat(backwards.exitCode()).isEqualTo(Enma.USAGE);
        assertThat(backwards.err()).contains("--from 201303 is after --to 201302");
        CliRun missing = run("derive", "--company", "4000000009", "--from", "201302", "--to", "201302");
        assertThat(missing.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(missing.err()).contains("enma: derive failed: table ")
                .contains("electricityConsumption_4000000009 does not exist");
    }

    private static CliRun run(String... command) {
        return CliRun.withSettings(settings, command);
    }
}

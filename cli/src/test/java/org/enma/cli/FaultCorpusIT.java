package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.loaders.synthetic.SyntheticCompany;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation measured against a fault corpus (docs/analytics.md § Validation and estimation): a company generated with
 * faults (`enma generate --faults`, its ground truth in faults.csv) and the same company without, each loaded, derived
 * and validated with the commands; then each rule's recall and precision against the truth, the false alarms on the
 * clean data, and the estimates' error against the values the generator removed.
 */
@ExtendWith(EnmaStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultCorpusIT {
    private static final CompanyId FAULTY = CompanyId.of("6300000001");
    private static final CompanyId CLEAN = CompanyId.of("6300000002");
    private static final int CONTRACTS = 40;
    private static final Month START = Month.of(2013, 1);
    private static final int MONTHS = 4;

    private TestStack stack;
    private String[] settings;
    /** The faults by contract and timestamp: kind and true value. */
    private final Map<String, String[]> truth = new HashMap<>();
    private final Map<String, CliRun> validated = new HashMap<>();

    @BeforeAll
    void generateLoadDeriveAndValidate(TestStack testStack, @TempDir Path dir) throws IOException {
        stack = testStack;
        settings = new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
            "--mongo-uri", stack.mongoUri(), "--mongo-database", stack.database(), "--namespace", stack.namespace(),
            "--spark-master", "local[2]"};
        for (CompanyId company : List.of(FAULTY, CLEAN)) {
            Path files = dir.resolve(company.value());
            SyntheticCompany synthetic = new SyntheticCompany(company, CONTRACTS, START, MONTHS, 3);
            (company.equals(FAULTY) ? synthetic.withFaults() : synthetic).writeTo(files);
            for (String kind : List.of("customers", "tariffs", "consumption")) {
                CliRun load = run("load", kind, "--company", company.value(), files.resolve(kind + ".csv").toString());
                assertThat(load.exitCode()).as(load.err()).isZero();
            }
            CliRun derive = run("derive", "--company", company.value(), "--from", "201301", "--to", "201304");
            assertThat(derive.exitCode()).as(derive.err()).isZero();
            CliRun validate = run("validate", "--company", company.value(), "--from", "201301", "--to", "201304");
            assertThat(validate.exitCode()).as(validate.err()).isZero();
            validated.put(company.value(), validate);
        }
        for (String line : Files.readAllLines(dir.resolve(FAULTY.value()).resolve("faults.csv")).subList(1,
                Files.readAllLines(dir.resolve(FAULTY.value()).resolve("faults.csv")).size())) {
            String[] f = line.split(",", -1);
            truth.put(f[0] + "@" + Instant.parse(f[1]).getEpochSecond(), new String[] {f[2], f[3]});
        }
    }

    private CliRun run(String... command) {
        return CliRun.withSettings(settings, command);
    }

    /** Every measure of a company: key "contract@timestamp" → cells. */
    private Map<String, Map<String, String>> measures(CompanyId company) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace()).of(
                EnmaTable.consumption("electricityConsumption", company)));
             ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                MeasureKey key = MeasureKey.decode(r.getRow());
                Map<String, String> cells = new HashMap<>();
                for (Cell cell : r.rawCells()) {
                    cells.put(new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8),
                            new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
                }
                rows.put(key.id() + "@" + key.timestamp(), cells);
            }
        }
        return rows;
    }

    @Test
    void everyRuleFindsWhatWasInjectedAndLittleElse() throws IOException {
        Map<String, Map<String, String>> rows = measures(FAULTY);
        StringBuilder report = new StringBuilder();
        for (String rule : List.of("negative", "offGrid", "frozen", "spike")) {
            long injected = truth.values().stream().filter(t -> t[0].equals(rule)).count();
            long flagged = 0;
            long found = 0;
            for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
                String q = row.getValue().get("q");
                if (q != null && List.of(q.split(",")).contains(rule)) {
                    flagged++;
                    String[] fault = truth.get(row.getKey());
                    if (fault != null && fault[0].equals(rule)) {
                        found++;
                    } else {
                        System.out.println("false " + rule + ": " + row.getKey() + " " + row.getValue());
                    }
                }
            }
            truth.forEach((key, fault) -> {
                String q = rows.getOrDefault(key, Map.of()).get("q");
                if (fault[0].equals(rule) && (q == null || !List.of(q.split(",")).contains(rule))) {
                    System.out.println("missed " + rule + ": " + key + " " + rows.get(key));
                }
            });
            double recall = (double) found / injected;
            double precision = flagged == 0 ? 1 : (double) found / flagged;
            report.append(String.format("%s injected=%d flagged=%d recall=%.4f precision=%.4f%n", rule, injected,
                    flagged, recall, precision));
            assertThat(injected).as(rule + " injected").isPositive();
            assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(rule.equals("spike") ? 0.99 : 1.0);
            assertThat(precision).as(report.toString()).isGreaterThanOrEqualTo(0.95);
        }
        System.out.print("fault corpus, " + CONTRACTS + " contracts hourly over " + MONTHS + " months:\n" + report);
    }

    @Test
    void cleanDataRaisesAtMostOneFalseAlarmInTenThousandMeasures() throws IOException {
        Map<String, Map<String, String>> rows = measures(CLEAN);
        Map<String, Long> byRule = new TreeMap<>();
        rows.forEach((key, cells) -> {
            if (cells.containsKey("q")) {
                byRule.merge(cells.get("q"), 1L, Long::sum);
                System.out.println("clean suspect " + key + " " + cells);
            }
        });
        long suspects = byRule.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("clean data: %d measures, %d suspect %s%n", rows.size(), suspects, byRule);
        assertThat(rows.size()).isGreaterThan(10_000);
        assertThat(suspects * 10_000L).as(suspects + " suspects in " + rows.size()).isLessThanOrEqualTo(rows.size());
        assertThat(validated.get(CLEAN.value()).out()).contains(" suspect=" + suspects + " ");
    }

    @Test
    void estimatesComeCloseToTheValuesTheGeneratorRemoved() throws IOException {
        Map<String, Map<String, String>> rows = measures(FAULTY);
        Map<String, double[]> errors = new TreeMap<>();
        for (Map.Entry<String, String[]> fault : truth.entrySet()) {
            Map<String, String> cells = rows.get(fault.getKey());
            String value = fault.getValue()[1];
            if (cells == null || cells.get("est") == null || value.isEmpty()) {
                continue;
            }
            double error = new BigDecimal(cells.get("v")).subtract(new BigDecimal(value)).abs().doubleValue();
            double[] sum = errors.computeIfAbsent(cells.get("est"), m -> new double[3]);
            sum[0] += error;
            sum[1] += Double.parseDouble(value);
            sum[2]++;
        }
        StringBuilder report = new StringBuilder();
        errors.forEach((method, sum) -> report.append(String.format("%s estimates=%d MAE=%.4f kWh (mean true value"
                + " %.4f kWh, %.1f %%)%n", method, (long) sum[2], sum[0] / sum[2], sum[1] / sum[2],
                100 * sum[0] / sum[1])));
        System.out.print("estimation error against the removed values:\n" + report);
        assertThat(errors).containsKeys("linear", "likeDay");
        // an estimate off by half the true value on average would be no estimate
        errors.forEach((method, sum) -> assertThat(sum[0] / sum[1]).as(report.toString()).isLessThan(0.5));
    }

    @Test
    void qualityPrintsEachRulesReach() {
        CliRun quality = run("quality", "--company", FAULTY.value());
        assertThat(quality.exitCode()).as(quality.err()).isZero();
        assertThat(quality.out()).startsWith("rule ").contains("\nnegative ").contains("\nspike ")
                .contains("\nfrozen ").contains("estimatedShare=");
        CliRun bad = run("validate", "--company", FAULTY.value(), "--setup", "/nonexistent/setup.json");
        assertThat(bad.exitCode()).isEqualTo(Enma.USAGE);
        assertThat(bad.err()).contains("setup file /nonexistent/setup.json does not exist");
    }
}

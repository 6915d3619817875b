package org.enma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.hbase.client.Admin;
import org.bson.Document;
import org.enma.cli.stack.StackLauncher;
import org.enma.config.EnmaConfig;
import org.enma.config.SettingFlags;
import org.enma.config.StackLocator;
import org.enma.config.StackState;
import org.enma.jobs.DeriveLauncher;
import org.enma.jobs.JobLauncher;
import org.enma.jobs.JobReport;
import org.enma.jobs.JobRequest;
import org.enma.jobs.RollupLauncher;
import org.enma.jobs.ValidateLauncher;
import org.enma.jobs.derive.DeriveCounts;
import org.enma.jobs.rollup.Rollup;
import org.enma.jobs.validate.ValidateCounts;
import org.enma.loaders.InputKind;
import org.enma.loaders.LoadResult;
import org.enma.loaders.Loader;
import org.enma.loaders.synthetic.SyntheticCompany;
import org.enma.portal.PortalServer;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.schema.Period;
import org.enma.schema.TrustColumns;
import org.enma.store.ApiKeys;
import org.enma.store.MongoStore;
import org.enma.store.PeriodReader;
import org.enma.store.ResultReader;
import org.enma.store.TrustReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job, end to end on the embedded stack: start it, generate a company with the faults of a real export, load
 * every kind of upload, show the tables, derive v and tariff slots, validate and estimate (printing the company's data
 * quality), roll up the periods (charting one contract's last days and the company's months),
 * run the OTs (OT101, OT103, OT201, OT501, OT503, OT603, OT701) for the last month, summarize how the contracts
 * compare with their peers and one contract's costs and weather dependence, then serve the portal API with a fresh
 * demo key and print working curl lines. Rerunning it stores the same cells and the same results again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job end to end on the embedded stack (starting it when needed): generate,"
                + " load, derive, validate (with the data quality), rollup (with a chart of one contract's last 30"
                + " days),"
                + " OT101/OT103/OT201/OT501/OT503/OT603/OT701 for the last month, a summary, then"
                + " the portal API with a demo key and an example request (until Ctrl-C; --no-serve stops after the summary)."})
final class DemoCommand implements Callable<Integer> {
    static final CompanyId COMPANY = CompanyId.of("1111111111");
    static final Month START = Month.of(2013, 1);
    static final int MONTHS = 13;
    /** The EMPOWERING analytics (OT901 is the guide's example and stays out). */
    static final List<String> ANALYTICS = List.of("OT101", "OT103", "OT201", "OT501", "OT503", "OT603", "OT701");
    /** The days of the contract's chart. */
    static final int CHART_DAYS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-serve", description = "stop after the summary instead of serving the portal API")
    boolean noServe;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "port of the portal API the demo serves (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--contracts", paramLabel = "N", defaultValue = "100",
            description = "contracts of the demo company (default ${DEFAULT-VALUE}, 13 months of hourly data)")
    int contracts;

    /**
     * One contract's last {@value #CHART_DAYS} days of {@code last} as a bar chart and the company's months with their
     * contract counts, from the period table the rollup wrote: what /v1/consumption serves.
     */
    private void printPeriods(EnmaConfig config, Month last) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LocalDateTime end = last.value().plusMonths(1).atDay(1).atStartOfDay();
        String contract = SyntheticCompany.contractId(0);
        try (HBaseSession session = HBaseSession.open(spec)) {
            PeriodReader periods = new PeriodReader(session.connection(), config.tableNames());
            DemoChart chart = new DemoChart(out, Charset.defaultCharset());
            out.printf("   contract %s, its last %d days (DAY rows):%n", contract, CHART_DAYS);
            chart.printDays(periods.periods(COMPANY, JobRequest.DEFAULT_TYPE, contract, Period.DAY,
                    end.minusDays(CHART_DAYS), end, CHART_DAYS).orElse(List.of()));
            out.println("   the company by month (MONTH rows of the company total):");
            chart.printMonths(periods.periods(COMPANY, JobRequest.DEFAULT_TYPE, "", Period.MONTH,
                    START.value().atDay(1).atStartOfDay(), end, MONTHS).orElse(List.of()));
        }
        out.flush();
    }

    /** The company's data quality over the months, per rule, from the trust table: what `enma quality` prints. */
    private void printQuality(EnmaConfig config, Month last) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        QualitySummary quality = new QualitySummary();
        try (HBaseSession session = HBaseSession.open(spec)) {
            new TrustReader(session.connection(), config.tableNames()).eachContractDay(COMPANY,
                    JobRequest.DEFAULT_TYPE, START.value().atDay(1), last.value().atEndOfMonth(), quality::add);
        }
        out.printf("   data quality (`enma quality`): %-18s %10s %10s%n", "rule", "contracts", "measures");
        quality.rules().forEach((rule, reach) -> out.printf("   %31s%-18s %10d %10d%n", "", rule, reach.contracts(),
                reach.measures()));
        out.printf("   %31sestimated: %,d of %,d measures with a value (%.2f %%)%n", "",
                quality.totals().get(TrustColumns.ESTIMATED), quality.totals().get(TrustColumns.ACTUAL)
                        + quality.totals().get(TrustColumns.ESTIMATED), 100 * quality.estimatedShare());
        out.flush();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackState stack = new StackLauncher(StackLocator.forUser(), err).start(SettingFlags.config(spec));
        out.println("1. embedded stack: HBase on ZooKeeper 127.0.0.1:" + stack.zkPort() + ", MongoDB "
                + stack.mongoUri());
        Path dir = stack.dataDir().resolve("demo-upload");
        Map<Path, Long> files = new SyntheticCompany(COMPANY, contracts, START, MONTHS, 1).withFaults().writeTo(dir);
        out.printf("2. generated company %s: %d contracts, %s..%s, %,d hourly consumption rows in %s, with the faults"
                        + " of a real export (%,d in faults.csv: gaps, spikes, frozen runs, ...)%n", COMPANY, contracts,
                START, START.plusMonths(MONTHS - 1), files.get(dir.resolve("consumption.csv")), dir,
                files.get(dir.resolve("faults.csv")));
        out.println("3. loaded:");
        out.flush();
        try (HBaseSession session = HBaseSession.open(spec); Admin admin = session.admin();
             MongoStore mongo = session.mongo()) {
            Loader loader = session.loader(admin, err, mongo);
            for (InputKind kind : List.of(InputKind.CUSTOMERS, InputKind.TARIFFS, InputKind.STATIONS,
                    InputKind.WEATHER, InputKind.CONSUMPTION)) {
                String file = kind == InputKind.WEATHER ? "temperatureAir.csv" : kind.cliName() + ".csv";
                LoadResult result = loader.load(kind, kind.takesCompany() ? Optional.of(COMPANY) : Optional.empty(),
                        kind.defaultType(), List.of(dir.resolve(file)));
                out.printf("   %-12s %s in %.1f s%n", kind.cliName(), result.total().summaryLine(),
                        result.elapsed().toMillis() / 1000.0);
                out.flush();
            }
        }
        out.println("4. tables:");
        TablesCommand.list(spec, out, out, true, false);
        Month last = START.plusMonths(MONTHS - 1);
        EnmaConfig config = SettingFlags.config(spec);
        out.flush();
        DeriveCounts derived = DeriveLauncher.launch(config, COMPANY, Optional.empty(), START, last, err::println);
        out.printf("5. derived fields, %s..%s: %s%n", START, last, derived.summaryLine());
        out.flush();
        ValidateCounts validated = ValidateLauncher.launch(config, COMPANY, Optional.empty(),
                Optional.of(List.of(START, last)), Optional.empty());
        out.printf("   validated and estimated (`enma validate`): %s%n", validated.summaryLine());
        printQuality(config, last);
        long rollupStart = System.nanoTime();
        // a rebuild of the months loaded rather than the incremental run of every contract-day the loads recorded:
        // the same cells, and it settles those records, sooner (on the demo's data 22.7 s against 28.8 s)
        Rollup.Counts rolled = RollupLauncher.launch(config, COMPANY, Optional.empty(),
                Optional.of(List.of(START, last)));
        out.printf("   rolled up %s..%s (hour ... year, per contract and company: `enma rollup`): %s in %.1f s%n",
                START, last, rolled.line(), (System.nanoTime() - rollupStart) / 1e9);
        printPeriods(config, last);
        out.println("6. analytics for " + last + ":");
        out.flush();
        for (String ot : ANALYTICS) {
            JobReport report = JobLauncher.launch(config, ot, COMPANY, Optional.empty(), last, Optional.empty());
            out.printf("   %-6s %s%n", ot, report.summaryLine());
            out.flush();
        }
        try (HBaseSession session = HBaseSession.open(spec); MongoStore mongo = session.mongo()) {
            ResultReader reader = new ResultReader(mongo.database(), session.connection(),
                    session.config().tableNames());
            List<Document> ot101 = all(reader, "OT101", last);
            DemoSummary summary = new DemoSummary(out);
            summary.print(last, ot101, all(reader, "OT201", last));
            summary.printContract(last, all(reader, "OT501", last), all(reader, "OT701", last));
            if (noServe) {
                out.println("The stack keeps running: `scripts/enma stack stop` stops it.");
                return Enma.OK;
            }
            String key = new ApiKeys(mongo.database()).create(COMPANY);
            CountDownLatch stopRequested = StopSignals.install();
            try (PortalServer server = ServeCommand.serve(session, mongo, "127.0.0.1", port)) {
                String contract = ot101.isEmpty() ? "C000000" : ot101.get(0).getString("contractId");
                out.printf("9. portal API on http://127.0.0.1:%d (key for company %s created); try:%n", server.port(),
                        COMPANY);
                out.printf("   curl -H 'Authorization: Bearer %s' \\%n     'http://127.0.0.1:%d/v1/results/OT101/%s"
                        + "?from=%s&to=%s'%n", key, server.port(), contract, last.plusMonths(-11), last);
                out.printf("   curl -H 'Authorization: Bearer %s' \\%n     'http://127.0.0.1:%d/v1/consumption/%s"
                        + "?period=DAY&from=%s&to=%s'%n", key, server.port(), contract,
                        last.value().atDay(1), last.value().atEndOfMonth());
                out.printf("   curl -H 'Authorization: Bearer %s' \\%n     'http://127.0.0.1:%d/v1/quality/%s"
                        + "?from=%s&to=%s'%n", key, server.port(), contract, last.value().atDay(1),
                        last.value().atEndOfMonth());
                out.printf("   the customer's page: http://127.0.0.1:%d/?contract=%s (sign in with the key above);"
                        + " the API's documentation: http://127.0.0.1:%d/docs%n", server.port(), contract,
                        server.port());
                out.println("   Ctrl-C stops the API; the stack keeps running (`scripts/enma stack stop`).");
                out.flush();
                ServeCommand.untilStopped(stopRequested, spec.commandLine().getErr());
            }
        }
        return Enma.OK;
    }

    /** Every result of the company's month: the demo runs each analytic with one setup. */
    private static List<Document> all(ResultReader reader, String ot, Month month) throws IOException {
        return reader.month(ot, COMPANY, month, Optional.empty(), 0, Integer.MAX_VALUE).items();
    }
}

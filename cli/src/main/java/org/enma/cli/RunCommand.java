package org.enma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.enma.config.EnmaConfig;
import org.enma.jobs.Analytics;
import org.enma.jobs.JobLauncher;
import org.enma.jobs.JobReport;
import org.enma.jobs.submit.AnalyticFlags;
import org.enma.jobs.submit.JobTarget;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an OT job (docs/analytics.md) for one company and month with Spark, writing one result per"
                + " contract to MongoDB OTnnnResults and the HBase mirror otnnn. Ends with: results=N skipped=N"
                + " setupId=...",
                "Rerunning with the same setup overwrites the same results."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OT",
            description = "the analytic: OT101, OT103, OT201, OT501, OT503, OT603, OT701 or OT901")
    String ot;

    @Mixin
    JobTarget target;

    @Mixin
    AnalyticFlags flags;

    @Mixin
    SparkJobOptions job;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnmaConfig config = job.config(spec);
        String name = Analytics.named(ot).name();
        CompanyId companyId = target.company();
        Month m = flags.month();
        err.printf("%s for company %s, month %s on Spark %s ...%n", name, companyId, m, config.sparkMaster());
        err.flush();
        long start = System.nanoTime();
        JobReport report = JobLauncher.launch(config, name, companyId, target.type(), m, flags.setup());
        err.printf("%s: %d contracts seen, %d results, skipped %s; planned in %.1f s, computed and written in %.1f s,"
                        + " %.1f s in all%n", name, report.contractsSeen(), report.results(), report.skipped(),
                report.planning().toMillis() / 1e3, report.computing().toMillis() / 1e3,
                (System.nanoTime() - start) / 1e9);
        out.println(report.summaryLine());
        return Enma.OK;
    }
}

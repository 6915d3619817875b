package org.enma.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.enma.config.EnmaConfig;
import org.enma.jobs.RollupLauncher;
import org.enma.jobs.rollup.Rollup;
import org.enma.jobs.submit.JobTarget;
import org.enma.jobs.submit.MonthRange;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = {"Writes the period table of a company's consumption table (<type>Periods_<companyId>: HOUR, DAY,"
                + " WEEK, MONTH, QUARTER, YEAR per contract and for the company) with Spark. Without --from/--to it"
                + " brings the table up to date: it redoes the contract-days that loads and derive recorded since the"
                + " last run. With them it rebuilds those months from the raw rows. Only cells that change are"
                + " written. Ends with: days=N rows=N (contract-days redone, period rows written)"})
final class RollupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobTarget target;

    /** The months to rebuild; none for the incremental run. */
    @ArgGroup(exclusive = false)
    MonthRange range;

    @Mixin
    SparkJobOptions job;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnmaConfig config = job.config(spec);
        CompanyId companyId = target.company();
        Optional<List<Month>> months = Optional.ofNullable(range).map(r -> r.months(spec));
        String scope = months.map(m -> m.get(0) + " to " + m.get(m.size() - 1))
                .orElse("the days recorded since the last run");
        err.printf("rollup for company %s, %s on Spark %s ...%n", companyId, scope, config.sparkMaster());
        err.flush();
        long start = System.nanoTime();
        Rollup.Counts counts = RollupLauncher.launch(config, companyId, target.type(), months);
        err.printf("rollup: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.println(counts.line());
        return Enma.OK;
    }
}

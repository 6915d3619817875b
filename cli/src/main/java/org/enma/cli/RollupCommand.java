package org.enma.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.enma.config.EnmaConfig;
import org.enma.jobs.RollupLauncher;
import org.enma.jobs.rollup.Rollup;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    SparkJobOptions job;

    @Option(names = "--from", paramLabel = "YYYYMM", description = "first month to rebuild (with --to)")
    String from;

    @Option(names = "--to", paramLabel = "YYYYMM", description = "last month to rebuild, inclusive (with --from)")
    String to;

    @Override
    public Integer call() {
        if ((from == null) != (to == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to go together");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnmaConfig config = job.config(spec);
        CompanyId companyId = job.company(spec);
        Optional<Month[]> months = Optional.empty();
        if (from != null) {
            List<Month> range = Arguments.months(spec, from, to);
            months = Optional.of(new Month[] {range.get(0), range.get(range.size() - 1)});
        }
        err.printf("rollup for company %s, %s on Spark %s ...%n", companyId, months.map(m -> m[0] + " to " + m[1])
                .orElse("the days recorded since the last run"), config.sparkMaster());
        err.flush();
        long start = System.nanoTime();
        Rollup.Counts counts = RollupLauncher.launch(config, companyId, Optional.ofNullable(job.type), months);
        err.printf("rollup: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.println(counts.line());
        return Enma.OK;
    }
}

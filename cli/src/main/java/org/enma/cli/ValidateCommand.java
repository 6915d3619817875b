package org.enma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.enma.config.EnmaConfig;
import org.enma.jobs.ValidateLauncher;
import org.enma.jobs.submit.Arguments;
import org.enma.jobs.submit.JobTarget;
import org.enma.jobs.submit.MonthRange;
import org.enma.jobs.validate.ValidateCounts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validates and estimates a company's measures with Spark (docs/analytics.md § Validation and"
                + " estimation): each day's interval, the rules offGrid, future, negative, spike and frozen, linear and"
                + " like-day estimates of short gaps and suspects, and a trust table of each contract's days."
                + " Ends with: days=N measures=N suspect=N estimated=N missing=N",
                "Without --from/--to it validates the days loads and derive recorded since the last run; run it after"
                + " derive and before rollup and the analytics. Validating the same days again writes nothing new."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobTarget target;

    @ArgGroup(exclusive = false)
    MonthRange range;

    @Option(names = "--setup", paramLabel = "FILE",
            description = "thresholds as one JSON object: spikeFactor, spikeFloor, frozenHours, linearHours,"
                    + " likeDayDays (docs/analytics.md gives their defaults)")
    Path setup;

    @Mixin
    SparkJobOptions job;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // a bad setup is bad usage: refused before anything starts
        Arguments.valid(spec, () -> ValidateLauncher.thresholds(Optional.ofNullable(setup)));
        EnmaConfig config = job.config(spec);
        err.printf("validate for company %s, %s on Spark %s ...%n", target.company(), range == null
                ? "the days recorded since the last run" : "the months given", config.sparkMaster());
        err.flush();
        long start = System.nanoTime();
        ValidateCounts counts = ValidateLauncher.launch(config, target.company(), target.type(),
                Optional.ofNullable(range).map(r -> r.months(spec)), Optional.ofNullable(setup));
        err.printf("validate: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.println(counts.summaryLine());
        return Enma.OK;
    }
}

package org.enma.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.config.SettingFlags;
import org.enma.jobs.submit.AnalyticFlags;
import org.enma.jobs.submit.Arguments;
import org.enma.jobs.submit.JobTarget;
import org.enma.jobs.submit.MonthRange;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The one {@code spark-submit} entry of every job, and the main class of {@code enma-jobs.jar}: {@code spark-submit
 * enma-jobs.jar OT101 --company ID --month YYYYMM}, {@code ... derive --company ID --from YYYYMM --to YYYYMM}, {@code
 * ... validate --company ID}, {@code ... rollup --company ID}. The first argument names the job (any analytic {@link
 * Analytics} registers, {@code derive}, {@code validate}, {@code rollup}); the rest are the flags of its {@code enma} command — the same option classes ({@code
 * org.enma.jobs.submit}) — and the connection settings ({@link SettingFlags}); the master and resources come from
 * {@code spark-submit}. Prints the job's summary line; exit 0, 1 (failed), 2 (bad usage). A new analytic needs nothing
 * here: its registration line in {@link Analytics} makes it submittable.
 */
@Command(name = "enma-jobs.jar", mixinStandardHelpOptions = true,
        description = "Runs one ENMA job on the Spark of spark-submit and prints its summary line.")
public final class Submit implements Runnable {
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "JOB", description = "the job: an analytic (OT101, ...), derive, validate or rollup")
    String job;

    public static void main(String[] args) {
        DriverHeap.watch();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Submit());
        for (String name : Analytics.names()) {
            cli.addSubcommand(name, new SubmitAnalytic(Analytics.named(name)));
        }
        cli.addSubcommand(DeriveLauncher.JOB, new SubmitDerive());
        cli.addSubcommand(ValidateLauncher.JOB, new SubmitValidate());
        cli.addSubcommand(RollupLauncher.JOB, new SubmitRollup());
        cli.setSubcommandsCaseInsensitive(true);
        SettingFlags.addTo(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof EnmaException) {
                err.println(commandLine.getCommandName() + ": " + e.getMessage());
            } else {
                // not a failure ENMA foresaw: its trace belongs in the driver's log, under the one line
                err.println(commandLine.getCommandName() + ": unexpected error: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        });
        try {
            int exit = cli.execute(args);
            DriverHeap.reportIfAsked(cli, err, "enma-jobs");
            return exit;
        } finally {
            SparkSession.getActiveSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
    }

    /** Reached only when the first argument names no job. */
    @Override
    public void run() {
        String jobs = String.join(", ", Analytics.names()) + ", derive, validate or rollup";
        if (job == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the first argument names the job: " + jobs);
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown job \"" + job + "\": the first"
                + " argument names the job: " + jobs);
    }

    /** An analytic: {@code --company ID --month YYYYMM [--type T] [--setup FILE.json]}. */
    @Command(mixinStandardHelpOptions = true)
    static final class SubmitAnalytic implements Callable<Integer> {
        private final Analytic analytic;

        @Spec
        CommandSpec spec;

        @Mixin
        JobTarget target;

        @Mixin
        AnalyticFlags flags;

        SubmitAnalytic(Analytic analytic) {
            this.analytic = analytic;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(JobLauncher.launch(SettingFlags.config(spec), analytic.name(),
                    target.company(), target.type(), flags.month(), flags.setup()).summaryLine());
            return 0;
        }
    }

    /** {@code derive --company ID --from YYYYMM --to YYYYMM [--type T]}. */
    @Command(mixinStandardHelpOptions = true)
    static final class SubmitDerive implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JobTarget target;

        @ArgGroup(exclusive = false, multiplicity = "1")
        MonthRange range;

        @Override
        public Integer call() {
            List<Month> months = range.months(spec);
            PrintWriter err = spec.commandLine().getErr();
            spec.commandLine().getOut().println(DeriveLauncher.launch(SettingFlags.config(spec), target.company(),
                    target.type(), months.get(0), months.get(months.size() - 1), err::println).summaryLine());
            return 0;
        }
    }

    /** {@code validate --company ID [--type T] [--from YYYYMM --to YYYYMM] [--setup FILE]}. */
    @Command(mixinStandardHelpOptions = true)
    static final class SubmitValidate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JobTarget target;

        @ArgGroup(exclusive = false)
        MonthRange range;

        @Option(names = "--setup", paramLabel = "FILE", description = "thresholds as one JSON object")
        Path setup;

        @Override
        public Integer call() {
            Arguments.valid(spec, () -> ValidateLauncher.thresholds(Optional.ofNullable(setup)));
            spec.commandLine().getOut().println(ValidateLauncher.launch(SettingFlags.config(spec), target.company(),
                    target.type(), Optional.ofNullable(range).map(r -> r.months(spec)), Optional.ofNullable(setup))
                    .summaryLine());
            return 0;
        }
    }

    /** {@code rollup --company ID [--type T] [--from YYYYMM --to YYYYMM]}. */
    @Command(mixinStandardHelpOptions = true)
    static final class SubmitRollup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JobTarget target;

        @ArgGroup(exclusive = false)
        MonthRange range;

        @Override
        public Integer call() {
            EnmaConfig config = SettingFlags.config(spec);
            spec.commandLine().getOut().println(RollupLauncher.launch(config, target.company(), target.type(),
                    Optional.ofNullable(range).map(r -> r.months(spec))).line());
            return 0;
        }
    }
}

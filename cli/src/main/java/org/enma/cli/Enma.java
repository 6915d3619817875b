package org.enma.cli;

import java.io.PrintWriter;
import org.enma.cli.stack.StackCommand;
import org.enma.config.SettingFlags;
import org.enma.jobs.DriverHeap;
import org.enma.schema.EnmaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The {@code enma} command. Exit codes: 0 success, 1 failure, 2 bad usage, 3 partial success. */
@Command(name = "enma", mixinStandardHelpOptions = true, versionProvider = Enma.Version.class,
        description = "ENMA energy analytics: load smart-meter data into HBase, run Spark analytics, serve results.",
        subcommands = {StackCommand.class, GenerateCommand.class, LoadCommand.class, DeriveCommand.class,
                ValidateCommand.class, RollupCommand.class, RunCommand.class, QualityCommand.class, SqlCommand.class,
                ResultsCommand.class, ServeCommand.class, ApiKeyCommand.class, PurgeCommand.class, TablesCommand.class,
                ScanCommand.class, BackupCommand.class, RestoreCommand.class, DemoCommand.class,
                CompletionCommand.class},
        footer = {"", "Connection settings: every command takes --hbase-quorum, --mongo-uri, --namespace, ...;"
                + " each also comes from ENMA_* variables or enma.properties (see docs/configuration.md)."})
public final class Enma implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int PARTIAL = 3;

    private static boolean verbose;

    /** This build's version, from enma.jar's manifest ({@code development} when run from classes). */
    static String version() {
        String version = Enma.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** {@code enma --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"enma " + version()};
        }
    }

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "log HBase, ZooKeeper, Hadoop and Spark at INFO and show stack traces of failures")
    void setVerbose(boolean on) {
        verbose = on;
        Logging.configure(on ? Logging.Mode.VERBOSE : Logging.Mode.QUIET);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        DriverHeap.watch();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line; what it prints goes to {@code out} (results) and {@code err} (progress, errors). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        verbose = false;
        Logging.configure(Logging.Mode.QUIET);
        CommandLine cli = new CommandLine(new Enma());
        SettingFlags.addTo(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof EnmaException) {
                err.println("enma: " + e.getMessage());
            } else {
                err.println("enma: unexpected error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        });
        try {
            int exit = cli.execute(args);
            DriverHeap.reportIfAsked(cli, err, "enma");
            return exit;
        } catch (Error e) {
            // picocli passes Errors through; a broken classpath or memory exhaustion still gets one line.
            err.println("enma: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        }
    }
}

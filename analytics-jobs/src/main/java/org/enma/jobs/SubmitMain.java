package org.enma.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;

/**
 * The {@code spark-submit} entry of every analytic: each OT class has a {@code main} that calls {@link #run}. Takes
 * the flags of {@code enma run} ({@code --company ID --month YYYYMM [--type T] [--setup FILE.json]}) and the
 * connection settings ({@code --hbase-quorum}, {@code --mongo-uri}, ... or their {@code ENMA_*} variables); the
 * master and resources come from {@code spark-submit}. Prints the job report line; exit 0, 1 (failed), 2 (bad usage).
 */
public final class SubmitMain {
    private static final String USAGE = "arguments: --company ID --month YYYYMM [--type T] [--setup FILE.json]"
            + " [--hbase-quorum HOSTS --hbase-port P --mongo-uri URI --mongo-database DB --namespace NS --timezone Z]";

    private SubmitMain() {
    }

    public static void run(Analytic analytic, String[] args) {
        System.exit(run(analytic, args, System.out, System.err));
    }

    static int run(Analytic analytic, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(analytic.name() + ": \"" + args[i] + "\" needs a value; " + USAGE);
                return 2;
            }
            flags.put(args[i], args[i + 1]);
        }
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            Optional.ofNullable(flags.remove(s.flag())).ifPresent(v -> settings.put(s, v));
        }
        String company = flags.remove("--company");
        String month = flags.remove("--month");
        Optional<String> type = Optional.ofNullable(flags.remove("--type"));
        Optional<Path> setup = Optional.ofNullable(flags.remove("--setup")).map(Path::of);
        if (company == null || month == null || !flags.isEmpty()) {
            err.println(analytic.name() + ": " + (flags.isEmpty() ? "--company and --month are required"
                    : "unknown option(s) " + flags.keySet()) + "; " + USAGE);
            return 2;
        }
        try {
            JobReport report = JobLauncher.launch(EnmaConfig.forProcess(settings), analytic.name(),
                    CompanyId.of(company), type, Month.parse(month), setup);
            out.println(report.summaryLine());
            return 0;
        } catch (EnmaException e) {
            err.println(analytic.name() + ": " + e.getMessage());
            return 1;
        } finally {
            SparkSession.getActiveSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
    }
}

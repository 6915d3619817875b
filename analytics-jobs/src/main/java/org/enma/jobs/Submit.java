package org.enma.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;

/**
 * The one {@code spark-submit} entry of every job, and the main class of {@code enma-jobs.jar}: {@code spark-submit
 * enma-jobs.jar OT101 --company ID --month YYYYMM}, {@code ... derive --company ID --from YYYYMM --to YYYYMM}, {@code
 * ... rollup --company ID}. The first argument names the job (any analytic {@link Analytics} registers, {@code derive},
 * {@code rollup}); the rest are the flags of its {@code enma} command ({@code --company ID --month YYYYMM [--type T]
 * [--setup FILE.json]} for an OT) and the connection settings ({@code --hbase-quorum}, {@code --mongo-uri}, ... or
 * their {@code ENMA_*} variables); the master and resources come from {@code spark-submit}. Prints the job's summary
 * line; exit 0, 1 (failed), 2 (bad usage). A new analytic needs nothing here: its registration line in {@link
 * Analytics} makes it submittable.
 */
public final class Submit {
    private static final String SETTINGS = " [--hbase-quorum HOSTS --hbase-port P --mongo-uri URI --mongo-database DB"
            + " --namespace NS --timezone Z]";

    /** A job run from its flags (without the connection settings); returns its summary line. */
    @FunctionalInterface
    interface Job {
        String run(EnmaConfig config, Map<String, String> flags);
    }

    private Submit() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].startsWith("-")) {
            err.println("the first argument names the job: " + String.join(", ", Analytics.names())
                    + ", derive or rollup");
            return 2;
        }
        String[] flags = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0].toLowerCase(Locale.ROOT)) {
            case "derive":
                return derive(flags, out, err);
            case "rollup":
                return rollup(flags, out, err);
            default:
                Analytic analytic;
                try {
                    analytic = Analytics.named(args[0]);
                } catch (EnmaException unknown) {
                    err.println(unknown.getMessage() + ", or derive or rollup");
                    return 2;
                }
                return analytic(analytic, flags, out, err);
        }
    }

    private static int analytic(Analytic analytic, String[] args, PrintStream out, PrintStream err) {
        return submit(analytic.name(), List.of("--company", "--month"), List.of("--type", "--setup"), args, out, err,
                (config, flags) -> JobLauncher.launch(config, analytic.name(), CompanyId.of(flags.get("--company")),
                        Optional.ofNullable(flags.get("--type")), Month.parse(flags.get("--month")),
                        Optional.ofNullable(flags.get("--setup")).map(Path::of)).summaryLine());
    }

    /** {@code derive}: {@code --company ID --from YYYYMM --to YYYYMM [--type T]}. */
    private static int derive(String[] args, PrintStream out, PrintStream err) {
        return submit("derive", List.of("--company", "--from", "--to"), List.of("--type"), args, out, err,
                (config, flags) -> DeriveLauncher.launch(config, CompanyId.of(flags.get("--company")),
                        Optional.ofNullable(flags.get("--type")), Month.parse(flags.get("--from")),
                        Month.parse(flags.get("--to")), err::println).summaryLine());
    }

    /** {@code rollup}: {@code --company ID [--type T] [--from YYYYMM --to YYYYMM]}. */
    private static int rollup(String[] args, PrintStream out, PrintStream err) {
        return submit("rollup", List.of("--company"), List.of("--type", "--from", "--to"), args, out, err,
                (config, flags) -> {
                    if (flags.containsKey("--from") != flags.containsKey("--to")) {
                        throw new EnmaException("--from and --to go together");
                    }
                    Optional<Month[]> months = flags.containsKey("--from") ? Optional.of(new Month[] {
                        Month.parse(flags.get("--from")), Month.parse(flags.get("--to"))}) : Optional.empty();
                    return RollupLauncher.launch(config, CompanyId.of(flags.get("--company")),
                            Optional.ofNullable(flags.get("--type")), months).line();
                });
    }

    static int submit(String name, List<String> required, List<String> optional, String[] args, PrintStream out,
                      PrintStream err, Job job) {
        String usage = "arguments: " + required.stream().map(f -> f + " " + f.substring(2).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(" ")) + optional.stream().map(f -> " [" + f + " "
                + f.substring(2).toUpperCase(Locale.ROOT) + "]").collect(Collectors.joining()) + SETTINGS;
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(name + ": \"" + args[i] + "\" needs a value; " + usage);
                return 2;
            }
            flags.put(args[i], args[i + 1]);
        }
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            Optional.ofNullable(flags.remove(s.flag())).ifPresent(v -> settings.put(s, v));
        }
        Set<String> unknown = new TreeSet<>(flags.keySet());
        unknown.removeAll(required);
        unknown.removeAll(optional);
        if (!flags.keySet().containsAll(required) || !unknown.isEmpty()) {
            err.println(name + ": " + (unknown.isEmpty() ? String.join(" and ", required) + " are required"
                    : "unknown option(s) " + unknown) + "; " + usage);
            return 2;
        }
        try {
            out.println(job.run(EnmaConfig.forProcess(settings), flags));
            return 0;
        } catch (EnmaException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        } finally {
            SparkSession.getActiveSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
    }
}

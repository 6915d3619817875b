package org.enma.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
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
 * The {@code spark-submit} entry of every job: each OT class (and {@code derive}) has a {@code main} that calls in
 * here. Takes the flags of its {@code enma} command ({@code --company ID --month YYYYMM [--type T] [--setup
 * FILE.json]} for an OT) and the connection settings ({@code --hbase-quorum}, {@code --mongo-uri}, ... or their
 * {@code ENMA_*} variables); the master and resources come from {@code spark-submit}. Prints the job's summary line;
 * exit 0, 1 (failed), 2 (bad usage).
 */
public final class SubmitMain {
    private static final String SETTINGS = " [--hbase-quorum HOSTS --hbase-port P --mongo-uri URI --mongo-database DB"
            + " --namespace NS --timezone Z]";

    /** A job run from its flags (without the connection settings); returns its summary line. */
    @FunctionalInterface
    interface Job {
        String run(EnmaConfig config, Map<String, String> flags);
    }

    private SubmitMain() {
    }

    public static void run(Analytic analytic, String[] args) {
        System.exit(run(analytic, args, System.out, System.err));
    }

    static int run(Analytic analytic, String[] args, PrintStream out, PrintStream err) {
        return submit(analytic.name(), List.of("--company", "--month"), List.of("--type", "--setup"), args, out, err,
                (config, flags) -> JobLauncher.launch(config, analytic.name(), CompanyId.of(flags.get("--company")),
                        Optional.ofNullable(flags.get("--type")), Month.parse(flags.get("--month")),
                        Optional.ofNullable(flags.get("--setup")).map(Path::of)).summaryLine());
    }

    /** {@code derive}'s entry: {@code --company ID --from YYYYMM --to YYYYMM [--type T]}. */
    public static void derive(String[] args) {
        System.exit(submit("derive", List.of("--company", "--from", "--to"), List.of("--type"), args, System.out,
                System.err, (config, flags) -> DeriveLauncher.launch(config, CompanyId.of(flags.get("--company")),
                        Optional.ofNullable(flags.get("--type")), Month.parse(flags.get("--from")),
                        Month.parse(flags.get("--to")), System.err::println).summaryLine()));
    }

    /** {@code rollup}'s entry: {@code --company ID [--type T] [--from YYYYMM --to YYYYMM]}. */
    public static void rollup(String[] args) {
        System.exit(submit("rollup", List.of("--company"), List.of("--type", "--from", "--to"), args, System.out,
                System.err, (config, flags) -> {
                    if (flags.containsKey("--from") != flags.containsKey("--to")) {
                        throw new EnmaException("--from and --to go together");
                    }
                    Optional<Month[]> months = flags.containsKey("--from") ? Optional.of(new Month[] {
                        Month.parse(flags.get("--from")), Month.parse(flags.get("--to"))}) : Optional.empty();
                    return RollupLauncher.launch(config, CompanyId.of(flags.get("--company")),
                            Optional.ofNullable(flags.get("--type")), months).line();
                }));
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

package org.enma.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enma.config.Endpoints;
import org.enma.config.EnmaConfig;
import org.enma.config.SettingFlags;
import org.enma.config.StackLocator;
import org.enma.schema.Month;
import org.enma.store.MongoStore;
import org.enma.store.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Removes results older than the retention window from MongoDB (every OTnnnResults"
                + " collection). HBase keeps every result; `enma results` and the portal API serve purged months from"
                + " it. Ends with: purged=N firstKept=YYYYMM"})
final class PurgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keep-months", paramLabel = "N",
            description = "months kept, this month included (default: setting mongo.retention.months, 24)")
    Integer keepMonths;

    @Override
    public Integer call() {
        EnmaConfig config = SettingFlags.config(spec);
        int months = keepMonths != null ? keepMonths : config.retentionMonths();
        if (months < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep-months must be at least 1");
        }
        Month firstKept = Retention.firstKept(YearMonth.now(Clock.system(config.timezone())), months);
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        Map<String, Long> removed;
        try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase())) {
            removed = new Retention(mongo.database()).purgeBefore(firstKept);
        }
        PrintWriter err = spec.commandLine().getErr();
        removed.forEach((collection, n) -> err.printf("%s: %d results before %s removed%n", collection, n, firstKept));
        spec.commandLine().getOut().println("purged=" + removed.values().stream().mapToLong(Long::longValue).sum()
                + " firstKept=" + firstKept);
        return Enma.OK;
    }
}

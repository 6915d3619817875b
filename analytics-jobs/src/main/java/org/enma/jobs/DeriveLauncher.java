package org.enma.jobs;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.enma.config.EnmaConfig;
import org.enma.jobs.derive.Derive;
import org.enma.jobs.derive.DeriveCounts;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.rollup.PendingDays;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.store.RollupPending;

/**
 * Starts one {@code derive} run — from {@code enma derive} or {@code spark-submit} — and records it in {@code jobRuns}
 * like the OTs ({@code ot: "derive"}, {@code from}, {@code to}, the counts of the summary line). The run is recorded
 * before anything is written, so MongoDB must answer first.
 */
public final class DeriveLauncher {
    public static final String JOB = "derive";

    private DeriveLauncher() {
    }

    public static DeriveCounts launch(EnmaConfig config, CompanyId company, Optional<String> type, Month from,
                                      Month to, Consumer<String> notes) {
        if (to.compareTo(from) < 0) {
            throw new EnmaException("--from " + from + " is after --to " + to);
        }
        String measureType = type.orElse(JobRequest.DEFAULT_TYPE);
        EnmaTable table = EnmaTable.measuresOf(measureType, company);
        return JobLauncher.recorded(config, JOB, company, measureType,
                new Document("from", from.asNumber()).append("to", to.asNumber()), (mongo, spark) -> {
                    String tableName = config.tableNames().of(table).getNameAsString();
                    EnmaData data = EnmaData.open(spark, config);
                    DeriveCounts counts = Derive.run(data, company, table, from, to, notes,
                            days -> PendingDays.record(days, data.endpoints(), tableName,
                                    List.of(RollupPending.VALIDATION, RollupPending.COLLECTION)));
                    return new JobLauncher.Recorded<>(counts, counts.asDocument());
                });
    }
}

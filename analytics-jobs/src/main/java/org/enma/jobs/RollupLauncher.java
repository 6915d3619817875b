package org.enma.jobs;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.enma.config.EnmaConfig;
import org.enma.jobs.read.BadCells;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.rollup.Rollup;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.store.RollupPending;

/**
 * Runs {@code rollup} for one company and type, recorded in {@code jobRuns} like derive ({@code ot: "rollup"}, the
 * months or {@code incremental: true}, {@code days}, {@code rows}, and the measures skipped for a bad cell): with
 * months, a rebuild of those months from the raw rows (which also settles their pending days); without, the
 * contract-days recorded as pending by loads and derive.
 */
public final class RollupLauncher {
    public static final String JOB = "rollup";

    private RollupLauncher() {
    }

    /** {@code months}: the months to rebuild, first to last, or empty for the incremental run. */
    public static Rollup.Counts launch(EnmaConfig config, CompanyId company, Optional<String> type,
                                       Optional<List<Month>> months) {
        String measureType = type.orElse(JobRequest.DEFAULT_TYPE);
        Document scope = months.map(m -> new Document("from", m.get(0).asNumber()).append("to", last(m).asNumber()))
                .orElse(new Document("incremental", true));
        return JobLauncher.recorded(config, JOB, company, measureType, scope, (mongo, spark) -> {
            EnmaData data = EnmaData.open(spark, config);
            RollupPending pending = new RollupPending(mongo);
            Rollup.Counts counts = months.isPresent()
                    ? Rollup.rebuild(data, pending, company, measureType, months.get().get(0), last(months.get()))
                    : Rollup.incremental(data, pending, company, measureType);
            return new JobLauncher.Recorded<>(counts, BadCells.appended(new Document("days", counts.days())
                    .append("rows", counts.rows()), data.badCells()));
        });
    }

    private static Month last(List<Month> months) {
        return months.get(months.size() - 1);
    }
}

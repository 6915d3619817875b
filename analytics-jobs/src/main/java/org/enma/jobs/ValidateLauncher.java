package org.enma.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.bson.Document;
import org.enma.config.EnmaConfig;
import org.enma.jobs.read.BadCells;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.rollup.PendingDays;
import org.enma.jobs.setup.SetupFile;
import org.enma.jobs.validate.Thresholds;
import org.enma.jobs.validate.Validate;
import org.enma.jobs.validate.ValidateCounts;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.store.RollupPending;
import org.enma.store.SetupIds;

/**
 * Starts one {@code validate} run — from {@code enma validate} or {@code spark-submit} — and records it in {@code
 * jobRuns} ({@code ot: "validate"}, its setupId and thresholds, the days it covered, the counts of the summary line).
 * The setup is read and checked before anything starts, so a bad threshold writes nothing. Without months it takes the
 * days loads and derive recorded ({@code validatePending}) and, once done, removes those not recorded again meanwhile;
 * with months it validates their every day and is done with the pending days among them. The days whose measures it
 * changed are recorded for the rollup.
 */
public final class ValidateLauncher {
    public static final String JOB = "validate";

    private ValidateLauncher() {
    }

    /** The thresholds of a setup file (none: the defaults); an unknown, ill-typed or non-positive one is refused. */
    public static Thresholds thresholds(Optional<Path> setupFile) {
        return Thresholds.of(SetupFile.read(setupFile, JOB, Thresholds.PARAMETERS));
    }

    /** {@code months}: the months to validate, first to last, or empty for the pending days. */
    public static ValidateCounts launch(EnmaConfig config, CompanyId company, Optional<String> type,
                                        Optional<List<Month>> months, Optional<Path> setupFile) {
        String measureType = type.orElse(JobRequest.DEFAULT_TYPE);
        EnmaTable table = EnmaTable.measuresOf(measureType, company);
        Map<String, Object> parameters = SetupFile.read(setupFile, JOB, Thresholds.PARAMETERS);
        Thresholds thresholds = Thresholds.of(parameters);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("ot", JOB);
        setup.put("companyId", company.asNumber());
        setup.put("type", measureType);
        setup.put("parameters", parameters);
        Document scope = months.map(m -> new Document("from", m.get(0).asNumber())
                        .append("to", m.get(m.size() - 1).asNumber()))
                .orElse(new Document("incremental", true))
                .append("setupId", SetupIds.of(setup).value()).append("parameters", new Document(parameters));
        return JobLauncher.recorded(config, JOB, company, measureType, scope, (mongo, spark) -> {
            EnmaData data = EnmaData.open(spark, config);
            String tableName = data.existing(table).getNameAsString();
            RollupPending pending = new RollupPending(mongo, RollupPending.VALIDATION);
            List<RollupPending.Taken> taken = pending.take(tableName);
            SortedSet<LocalDate> days = new TreeSet<>();
            if (months.isPresent()) {
                LocalDate first = months.get().get(0).value().atDay(1);
                LocalDate last = months.get().get(months.get().size() - 1).value().atEndOfMonth();
                days.addAll(first.datesUntil(last.plusDays(1)).toList());
            } else {
                taken.forEach(t -> days.add(t.day()));
            }
            ValidateCounts counts = Validate.run(data, company, table, days, thresholds,
                    System.currentTimeMillis() / 1000, changed -> PendingDays.record(changed, data.endpoints(),
                            tableName, List.of(RollupPending.COLLECTION)));
            pending.done(tableName, taken.stream().filter(t -> days.contains(t.day())).toList());
            return new JobLauncher.Recorded<>(counts, BadCells.appended(counts.asDocument(), data.badCells()));
        });
    }
}

package org.enma.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.enma.schema.SetupId;

/**
 * How a run ended: results written and contracts skipped (by reason), under which setup, and where time went: {@code
 * planning} (setup, the small reads a plan needs) and {@code computing} (the Spark action that computes and writes
 * every result).
 */
public record JobReport(String ot, SetupId setupId, long contractsSeen, long results, Map<String, Long> skipped,
                        Duration planning, Duration computing) {
    public JobReport {
        skipped = new TreeMap<>(skipped);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** docs/cli.md's job report line, which scripts parse: {@code results=N skipped=N setupId=...}. */
    public String summaryLine() {
        return "results=" + results + " skipped=" + skippedTotal() + " setupId=" + setupId.value();
    }
}

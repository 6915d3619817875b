package org.enma.portal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.enma.schema.CompanyId;
import org.enma.store.JobRuns;

/**
 * Each month's setup of the latest succeeded run of an OT for a company, as the results endpoints choose it when no
 * {@code setupId} is asked: read from {@code jobRuns} at most once per OT and company every {@link #FRESH}, not per
 * request — a MongoDB query per request that the embedded MongoDB answers by scanning the runs recorded. So a run
 * that ended less than {@link #FRESH} ago may not be the default yet.
 */
final class LatestSetups {
    static final Duration FRESH = Duration.ofSeconds(1);

    private final JobRuns runs;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    private record Read(Map<Integer, String> setups, long atNanos) {
    }

    LatestSetups(JobRuns runs) {
        this.runs = runs;
    }

    /** The setupId of each month (YYYYMM) of {@code ot} and {@code company} that has a succeeded run recorded. */
    Map<Integer, String> of(String ot, CompanyId company) {
        long now = System.nanoTime();
        String key = ot + "/" + company;
        Read read = reads.get(key);
        if (read == null || now - read.atNanos() > FRESH.toNanos()) {
            read = new Read(runs.latestSetups(ot, company.asNumber()), now);
            reads.put(key, read);
        }
        return read.setups();
    }
}

package org.enma.jobs.ot101;

import java.io.IOException;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.EstimatedShare;

/** OT101 — a contract's month against similar and against efficient customers (docs/analytics.md). */
public final class Ot101 implements PeerAnalytic {
    @Override
    public String name() {
        return "OT101";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        Ot101Setup setup = Ot101Setup.of(job.parameters());
        return PeerGroups.compare(PeerGroups.contractMonths(job, setup, List.of(job.month()),
                        job.monthlyUsage(List.of(job.month()))), setup)
                .map(c -> c.found().map(found -> Outcome.result(c.month().contractId(), EstimatedShare.onto(
                                found.rounded().fields(), c.month().estimatedShare())))
                        .orElseGet(() -> Outcome.skipped(c.month().contractId(), NO_GROUP)));
    }
}

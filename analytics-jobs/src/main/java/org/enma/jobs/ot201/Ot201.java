package org.enma.jobs.ot201;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.schema.Month;

/** OT201 — this month against the same month last year (docs/analytics.md); reads only those two months. */
public final class Ot201 implements Analytic {
    static final String INCOMPLETE_MONTH = "incompleteMonth";

    @Override
    public String name() {
        return "OT201";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        Month now = job.month();
        Month before = now.plusMonths(-12);
        return job.monthlyUsage(List.of(before, now)).map(contract -> {
            MonthlyUsage usage = contract._2();
            return YearOnYear.compare(
                    usage.of(now).map(u -> ContractMonth.of(contract._1(), now, u, Map.of())),
                    usage.of(before).map(u -> ContractMonth.of(contract._1(), before, u, Map.of())))
                    .map(fields -> Outcome.result(contract._1(), fields))
                    .orElseGet(() -> Outcome.skipped(contract._1(), INCOMPLETE_MONTH));
        });
    }
}

package org.enma.jobs.ot603;

import java.io.IOException;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.TimeRange;

/**
 * OT603 — typical daily load profile (docs/analytics.md): month M's mean {@code v} per local hour, over weekdays and
 * over weekends.
 */
public final class Ot603 implements Analytic {
    @Override
    public String name() {
        return "OT603";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        return job.perContract(List.of(TimeRange.ofMonth(job.month(), job.data().zone())), MeasureFields.INSTANT,
                        LoadProfile::new, (profile, m, hour) -> profile.add(hour, m.v()), LoadProfile::merge)
                .map(contract -> Outcome.result(contract._1(), contract._2().fields()));
    }
}

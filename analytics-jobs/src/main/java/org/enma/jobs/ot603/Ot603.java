package org.enma.jobs.ot603;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.Month;

/**
 * OT603 — typical daily load profile (docs/analytics.md): month M's kWh per local hour, over weekdays and over
 * weekends, at any interval. Each contract's month comes whole and in time order, with a day on either side for its
 * first and last days' interval; a contract with no hours (daily readings) is skipped, {@code noHours}.
 */
public final class Ot603 implements Analytic {
    static final String NO_HOURS = "noHours";
    private static final long DAY = 86_400;

    @Override
    public String name() {
        return "OT603";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        Month month = job.month();
        ZoneId zone = job.data().zone();
        TimeRange within = TimeRange.ofMonth(month, zone);
        return job.perContractSeries(List.of(new TimeRange(within.fromSecond() - DAY, within.toSecond() + DAY)),
                JobContext.ESTIMATED, (contract, series) -> LoadProfile.of(series, month, zone)
                        .map(fields -> Outcome.result(contract, fields))
                        .orElseGet(() -> Outcome.skipped(contract, NO_HOURS)));
    }
}

package org.enma.jobs.ot103;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.EstimatedShare;
import org.enma.jobs.common.ExactSum;
import org.enma.jobs.ot101.Ot101Setup;
import org.enma.jobs.ot101.PeerAnalytic;
import org.enma.jobs.ot101.PeerGroups;
import org.enma.jobs.ot101.PeerGroups.Compared;
import org.enma.schema.Month;
import scala.Tuple2;

/**
 * OT103 — the last 12 months against similar and efficient customers: OT101's computation for each of M−11 … M with
 * the same parameters (one read of the 12 months, the twelve months' groups ranked together), one result per
 * contract that has an OT101 result in any of them, gathered by contract on the executors (twelve entries each).
 */
public final class Ot103 implements PeerAnalytic {
    @Override
    public String name() {
        return "OT103";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        Ot101Setup setup = Ot101Setup.of(job.parameters());
        List<Month> months = new ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            months.add(job.month().plusMonths(-back));
        }
        return PeerGroups.compare(PeerGroups.contractMonths(job, setup, months, job.monthlyUsage(months)), setup)
                .mapToPair(c -> new Tuple2<>(c.month().contractId(), c))
                .groupByKey()
                .map(contract -> {
                    Map<Month, Compared> byMonth = new HashMap<>();
                    contract._2().forEach(c -> byMonth.put(c.month().month(), c));
                    if (byMonth.values().stream().allMatch(c -> c.found().isEmpty())) {
                        return Outcome.skipped(contract._1(), NO_GROUP);
                    }
                    TwelveMonths twelve = new TwelveMonths();
                    long units = 0;
                    long estimated = 0;
                    for (Month month : months) {
                        Optional<Compared> of = Optional.ofNullable(byMonth.get(month));
                        twelve.add(month, of.flatMap(Compared::found), of.map(c -> c.month().consumption()));
                        if (of.isPresent()) {
                            units = ExactSum.add(units, of.get().month().units());
                            estimated = ExactSum.add(estimated, of.get().month().estimatedUnits());
                        }
                    }
                    // the data the result used: every month of the twelve with data
                    return Outcome.result(contract._1(), EstimatedShare.onto(twelve.fields(),
                            EstimatedShare.of(estimated, units)));
                });
    }
}

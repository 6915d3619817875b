package org.enma.jobs.ot501;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.MeasureColumns;

/**
 * OT501 — consumption and energy cost by tariff period (docs/analytics.md): reads month M's {@code v} with the slot
 * fields {@code enma derive} wrote onto each measure. A measure without a slot (derive not run, no tariff,
 * ambiguous) counts as unpriced consumption.
 */
public final class Ot501 implements Analytic {
    private static final MeasureFields SLOT = MeasureFields.INSTANT.withTexts(List.of(MeasureColumns.PERIOD_KEY,
            MeasureColumns.TIME_SLOT_NAME, MeasureColumns.ENERGY_COST, MeasureColumns.EST));

    @Override
    public String name() {
        return "OT501";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        return job.perContract(List.of(TimeRange.ofMonth(job.month(), job.data().zone())), SLOT, PeriodCosts::new,
                        (month, m, hour) -> month.add(m.v(), slotOf(m), m.text(MeasureColumns.EST).isPresent()),
                        PeriodCosts::merge)
                .map(contract -> Outcome.result(contract._1(), contract._2().fields()));
    }

    /** The slot derive wrote onto a measure: a period and a numeric energy cost, or none. */
    static Optional<PeriodCosts.Slot> slotOf(Measure m) {
        Optional<String> period = m.text(MeasureColumns.PERIOD_KEY);
        Optional<String> cost = m.text(MeasureColumns.ENERGY_COST);
        if (period.isEmpty() || cost.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeriodCosts.Slot(period.get(), m.text(MeasureColumns.TIME_SLOT_NAME).orElse(null),
                Double.parseDouble(cost.get())));
    }
}

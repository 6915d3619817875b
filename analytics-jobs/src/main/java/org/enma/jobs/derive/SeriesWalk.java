package org.enma.jobs.derive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.enma.jobs.common.ContractTime;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.common.Walk;
import org.enma.jobs.derive.Derive.Step;
import org.enma.jobs.derive.Derive.Walked;
import org.enma.jobs.read.Measure;
import org.enma.schema.ContractDay;
import scala.Tuple2;

/**
 * One Spark task's walk along its contracts, each one's tariff first and then its measures in time order: prices
 * every measure with its contract's slots, derives {@code v} from the previous {@code va}, writes the changes to
 * {@code out}, and hands on — as it goes, so that nothing of a contract outlives it — each contract-day it met once,
 * each contract's first measure that waits for an earlier reading, and at the end its counts.
 */
final class SeriesWalk extends Walk<Tuple2<ContractTime, Step>, Walked> {
    private final TariffSlots tariffs;
    private final BufferedMutator out;
    private final LocalHours hours;
    private final Deriver deriver;
    private String contract;
    private List<TariffSlot> slots = List.of();
    private LocalDate day;

    SeriesWalk(Iterator<Tuple2<ContractTime, Step>> sorted, TariffSlots tariffs, ZoneId zone, BufferedMutator out) {
        super(sorted);
        this.tariffs = tariffs;
        this.out = out;
        this.hours = new LocalHours(zone);
        this.deriver = new Deriver(zone, mutation -> Derive.write(out, mutation),
                first -> emit(new Walked(null, first, null)));
    }

    @Override
    protected void take(Tuple2<ContractTime, Step> step) {
        if (!step._1().contractId().equals(contract)) {
            contract = step._1().contractId();
            slots = List.of();
            day = null;
        }
        if (step._2().measure() == null) {
            slots = tariffs.of(step._2().tariffId());
            return;
        }
        Measure m = step._2().measure();
        deriver.price(m, slots);
        LocalDate of = hours.of(m.timestamp()).toLocalDate();
        if (!of.equals(day)) {
            day = of;
            emit(new Walked(null, null, new ContractDay(contract, of)));
        }
        deriver.follow(m);
    }

    /** Everything written, the counts handed on. */
    @Override
    protected void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("writing derived fields to " + out.getName() + " failed: "
                    + e.getMessage(), e);
        }
        emit(new Walked(deriver.counts(), null, null));
    }
}

package org.enma.jobs.ot501;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.enma.jobs.common.Decimals;
import org.enma.jobs.common.EstimatedShare;
import org.enma.jobs.common.ExactSum;

/**
 * OT501's formula as plain Java: a contract's month by tariff period — consumption and energy cost (Σ v × energyCost
 * / 100, energyCost in euro cents per kWh) per {@code periodKey}, totals, and the consumption no slot priced.
 * Decisions: {@code totalConsumption} counts every measure, priced or not, so that it equals the month's
 * consumption and {@code totalConsumption − unpricedConsumption} is the priced part. A period whose slots carry
 * different names within the month (a tariff version renamed it) shows them all, sorted, joined by {@code " / "}:
 * whichever name came first would depend on the order Spark merged its partitions in.
 */
public final class PeriodCosts implements Serializable {
    /** The tariff slot fields a priced measure carries ({@code m:periodKey}, {@code m:timeSlotName}, ...). */
    public record Slot(String periodKey, String timeSlotName, double energyCostCents) implements Serializable {
    }

    /** Consumption and cost per period, in nano-units ({@link ExactSum}): the same in any merge order. */
    private final Map<String, long[]> byPeriod = new TreeMap<>();
    private final Map<String, TreeSet<String>> slotNames = new TreeMap<>();
    private long unpriced;
    private long estimated;

    /** Adds a measure's {@code v}, with its slot (none: unpriced), an estimate or not. */
    public void add(double v, Optional<Slot> slot, boolean estimate) {
        if (estimate) {
            estimated = ExactSum.add(estimated, ExactSum.units(v));
        }
        if (slot.isEmpty()) {
            unpriced = ExactSum.add(unpriced, ExactSum.units(v));
            return;
        }
        long[] period = byPeriod.computeIfAbsent(slot.get().periodKey(), k -> new long[2]);
        period[0] = ExactSum.add(period[0], ExactSum.units(v));
        period[1] = ExactSum.add(period[1], ExactSum.units(v * slot.get().energyCostCents() / 100));
        TreeSet<String> names = slotNames.computeIfAbsent(slot.get().periodKey(), k -> new TreeSet<>());
        if (slot.get().timeSlotName() != null) {
            names.add(slot.get().timeSlotName());
        }
    }

    /** Adds {@code other}'s sums (another Spark partition's share of the month) into this one and returns this. */
    public PeriodCosts merge(PeriodCosts other) {
        unpriced = ExactSum.add(unpriced, other.unpriced);
        estimated = ExactSum.add(estimated, other.estimated);
        other.byPeriod.forEach((key, theirs) -> {
            long[] mine = byPeriod.computeIfAbsent(key, k -> new long[2]);
            mine[0] = ExactSum.add(mine[0], theirs[0]);
            mine[1] = ExactSum.add(mine[1], theirs[1]);
        });
        other.slotNames.forEach((key, names) -> slotNames.computeIfAbsent(key, k -> new TreeSet<>()).addAll(names));
        return this;
    }

    /** {@code periods} by periodKey; {@code totalConsumption}, {@code totalEnergyCost}, {@code unpricedConsumption}. */
    public Map<String, Object> fields() {
        List<Map<String, Object>> periods = new ArrayList<>();
        long consumption = unpriced;
        long cost = 0;
        for (Map.Entry<String, long[]> e : byPeriod.entrySet()) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("periodKey", e.getKey());
            period.put("timeSlotName", String.join(" / ", slotNames.get(e.getKey())));
            period.put("consumption", Decimals.round2(ExactSum.value(e.getValue()[0])));
            period.put("energyCost", Decimals.round2(ExactSum.value(e.getValue()[1])));
            periods.add(period);
            consumption = ExactSum.add(consumption, e.getValue()[0]);
            cost = ExactSum.add(cost, e.getValue()[1]);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("periods", periods);
        fields.put("totalConsumption", Decimals.round2(ExactSum.value(consumption)));
        fields.put("totalEnergyCost", Decimals.round2(ExactSum.value(cost)));
        fields.put("unpricedConsumption", Decimals.round2(ExactSum.value(unpriced)));
        return EstimatedShare.onto(fields, EstimatedShare.of(estimated, consumption));
    }
}

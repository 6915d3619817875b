package org.enma.jobs.ot103;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.common.Decimals;
import org.enma.jobs.ot101.PeerComparison.Comparison;
import org.enma.schema.Month;

/**
 * OT103's formula for one contract, as plain Java: its 12 monthly entries (M−11 … M) and their totals. A month with
 * an OT101 comparison gives {@code month, consumption, averageConsumption, averageEffConsumption}; a month without
 * one gives {@code month}, plus {@code consumption} when the contract has data that month. Totals sum the unrounded
 * values of the entries that have all three, and are rounded at the end.
 */
public final class TwelveMonths {
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private double total;
    private double totalAverage;
    private double totalEfficient;

    /** Adds month {@code month}: its comparison if OT101 gave one, else its consumption if it has data. */
    public void add(Month month, Optional<Comparison> comparison, Optional<Double> consumption) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("month", month.asNumber());
        if (comparison.isPresent()) {
            Comparison c = comparison.get();
            entry.put("consumption", Decimals.round2(c.consumption()));
            entry.put("averageConsumption", Decimals.round2(c.average()));
            entry.put("averageEffConsumption", Decimals.round2(c.efficientAverage()));
            total += c.consumption();
            totalAverage += c.average();
            totalEfficient += c.efficientAverage();
        } else {
            consumption.ifPresent(v -> entry.put("consumption", Decimals.round2(v)));
        }
        entries.add(entry);
    }

    /** The result fields: {@code months}, then the three totals. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("months", List.copyOf(entries));
        fields.put("totalConsumption", Decimals.round2(total));
        fields.put("totalAverageConsumption", Decimals.round2(totalAverage));
        fields.put("totalAverageEffConsumption", Decimals.round2(totalEfficient));
        return fields;
    }
}

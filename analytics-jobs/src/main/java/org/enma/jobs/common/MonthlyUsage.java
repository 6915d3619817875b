package org.enma.jobs.common;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.enma.schema.Month;

/**
 * Accumulates the monthly consumption of many contracts over the months of interest: {@code C(c, M)} = Σ v of the
 * measures that belong to M by the interval convention, {@code days(c, M)} = the distinct local dates of M with one.
 * Measures of other months are ignored, so a reader may hand over a little more than the months. Each Spark partition
 * fills one; {@link #merge} adds them up.
 */
public final class MonthlyUsage implements Serializable {
    private final ZoneId zone;
    private final Set<YearMonth> months;
    private final Map<YearMonth, Map<String, Usage>> usage = new HashMap<>();

    public MonthlyUsage(Set<Month> months, ZoneId zone) {
        this.zone = zone;
        this.months = new TreeSet<>();
        months.forEach(m -> this.months.add(m.value()));
    }

    /** Adds a measure {@code v} of {@code contractId} stamped {@code epochSecond}; false when it is of no month here. */
    public boolean add(String contractId, long epochSecond, double v) {
        LocalDateTime local = IntervalConvention.localTimeOf(epochSecond, zone);
        YearMonth month = YearMonth.from(local);
        if (!months.contains(month)) {
            return false;
        }
        usage.computeIfAbsent(month, m -> new HashMap<>())
                .merge(contractId, Usage.NONE.plus(v, local.getDayOfMonth()), Usage::plus);
        return true;
    }

    /** Adds {@code other}'s sums into this one and returns this. */
    public MonthlyUsage merge(MonthlyUsage other) {
        other.usage.forEach((month, contracts) -> {
            Map<String, Usage> mine = usage.computeIfAbsent(month, m -> new HashMap<>());
            contracts.forEach((contract, u) -> mine.merge(contract, u, Usage::plus));
        });
        return this;
    }

    /** The contracts with at least one measure in {@code month}, and their usage. */
    public Map<String, Usage> of(Month month) {
        return Map.copyOf(usage.getOrDefault(month.value(), Map.of()));
    }
}

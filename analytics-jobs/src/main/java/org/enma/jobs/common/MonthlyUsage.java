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
    private final LocalHours hours;
    private final Set<YearMonth> months;
    private final Map<YearMonth, Map<String, Sum>> usage = new HashMap<>();

    /**
     * A contract's running month sum, updated in place (millions of measures, no garbage per measure), exact in any
     * order ({@link ExactSum}).
     */
    private static final class Sum implements Serializable {
        private long consumption;
        private int dayMask;

        void add(long units, int dayMask) {
            consumption = ExactSum.add(consumption, units);
            this.dayMask |= dayMask;
        }
    }

    public MonthlyUsage(Set<Month> months, ZoneId zone) {
        this.hours = new LocalHours(zone);
        this.months = new TreeSet<>();
        months.forEach(m -> this.months.add(m.value()));
    }

    /** Adds a measure {@code v} of {@code contractId} stamped {@code epochSecond}; false when it is of no month here. */
    public boolean add(String contractId, long epochSecond, double v) {
        LocalDateTime local = hours.of(epochSecond);
        YearMonth month = YearMonth.from(local);
        if (!months.contains(month)) {
            return false;
        }
        usage.computeIfAbsent(month, m -> new HashMap<>()).computeIfAbsent(contractId, c -> new Sum())
                .add(ExactSum.units(v), 1 << local.getDayOfMonth());
        return true;
    }

    /** Adds {@code other}'s sums into this one and returns this. */
    public MonthlyUsage merge(MonthlyUsage other) {
        other.usage.forEach((month, contracts) -> {
            Map<String, Sum> mine = usage.computeIfAbsent(month, m -> new HashMap<>());
            contracts.forEach((contract, sum) -> mine.computeIfAbsent(contract, c -> new Sum())
                    .add(sum.consumption, sum.dayMask));
        });
        return this;
    }

    /** The contracts with at least one measure in {@code month}, and their usage. */
    public Map<String, Usage> of(Month month) {
        Map<String, Usage> contracts = new HashMap<>();
        usage.getOrDefault(month.value(), Map.of())
                .forEach((contract, sum) -> contracts.put(contract, new Usage(ExactSum.value(sum.consumption),
                        sum.dayMask)));
        return contracts;
    }
}

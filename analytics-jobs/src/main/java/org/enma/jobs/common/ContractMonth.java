package org.enma.jobs.common;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.enma.schema.Month;

/**
 * One contract's month: its consumption {@code C(c, M)} in exact nano-units ({@link ExactSum}), the number of local
 * dates with at least one measure {@code days(c, M)}, the nano-units of C that are estimates, and its customer
 * attributes by name (those the run asked for).
 */
public record ContractMonth(String contractId, Month month, long units, int days, long estimatedUnits,
                            Map<String, String> attributes) implements Serializable {

    /** A month without estimates. */
    public ContractMonth(String contractId, Month month, long units, int days, Map<String, String> attributes) {
        this(contractId, month, units, days, 0, attributes);
    }

    public static ContractMonth of(String contractId, Month month, Usage usage, Map<String, String> attributes) {
        return new ContractMonth(contractId, month, usage.units(), usage.days(), usage.estimatedUnits(), attributes);
    }

    /** The share of {@code C(c, M)} that estimates make up: Σ v of the estimates / Σ v, 0 when C is 0. */
    public double estimatedShare() {
        return EstimatedShare.of(estimatedUnits, units);
    }

    /** {@code C(c, M)}. */
    public double consumption() {
        return ExactSum.value(units);
    }

    public int daysInMonth() {
        return month.lengthOfMonth();
    }

    /** The month is complete when every date of it has a measure. */
    public boolean complete() {
        return days == daysInMonth();
    }

    /** A present, non-empty attribute. */
    public Optional<String> attribute(String name) {
        String value = attributes.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}

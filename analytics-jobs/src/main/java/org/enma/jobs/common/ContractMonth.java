package org.enma.jobs.common;

import java.util.Map;
import java.util.Optional;
import org.enma.schema.Month;

/**
 * One contract's month: its consumption {@code C(c, M)}, the number of local dates with at least one measure
 * {@code days(c, M)}, and its customer attributes by name.
 */
public record ContractMonth(String contractId, double consumption, int days, int daysInMonth,
                            Map<String, String> attributes) {

    public static ContractMonth of(String contractId, Month month, Usage usage, Map<String, String> attributes) {
        return new ContractMonth(contractId, usage.consumption(), usage.days(), month.lengthOfMonth(), attributes);
    }

    /** The month is complete when every date of it has a measure. */
    public boolean complete() {
        return days == daysInMonth;
    }

    /** A present, non-empty attribute. */
    public Optional<String> attribute(String name) {
        String value = attributes.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}

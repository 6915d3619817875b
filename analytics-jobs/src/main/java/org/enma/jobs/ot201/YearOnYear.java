package org.enma.jobs.ot201;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.Decimals;
import org.enma.jobs.common.EstimatedShare;
import org.enma.jobs.common.ExactSum;

/** OT201's formula as plain Java: this month against the same month last year, both months complete. */
public final class YearOnYear {
    private YearOnYear() {
    }

    /** The result fields, or empty when either month is missing or partial ({@code incompleteMonth}). */
    public static Optional<Map<String, Object>> compare(Optional<ContractMonth> actual,
                                                        Optional<ContractMonth> previous) {
        if (actual.isEmpty() || previous.isEmpty() || !actual.get().complete() || !previous.get().complete()) {
            return Optional.empty();
        }
        double now = actual.get().consumption();
        double before = previous.get().consumption();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("actualConsumption", Decimals.round2(now));
        fields.put("previousConsumption", Decimals.round2(before));
        fields.put("diffConsumption", Decimals.round2(Decimals.percentDiff(now, before)));
        return Optional.of(EstimatedShare.onto(fields, EstimatedShare.of(ExactSum.add(actual.get().estimatedUnits(),
                previous.get().estimatedUnits()), ExactSum.add(actual.get().units(), previous.get().units()))));
    }
}

package org.enma.jobs.ot101;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one OT101 result, rounded as docs/analytics.md says (diffs from the unrounded values). */
public record Ot101Figures(double consumption, int consumptionNumberOfDays, double averageConsumption,
                           double averageEffConsumption, double diffAverageConsumption,
                           double diffAverageEffConsumption, int numberCustomers, int numberCustomersEff,
                           String criteria) {

    /** The result document's fields, named and ordered as docs/analytics.md lists them. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("consumption", consumption);
        fields.put("consumptionNumberOfDays", consumptionNumberOfDays);
        fields.put("averageConsumption", averageConsumption);
        fields.put("averageEffConsumption", averageEffConsumption);
        fields.put("diffAverageConsumption", diffAverageConsumption);
        fields.put("diffAverageEffConsumption", diffAverageEffConsumption);
        fields.put("numberCustomers", numberCustomers);
        fields.put("numberCustomersEff", numberCustomersEff);
        fields.put("criteria", criteria);
        return fields;
    }
}

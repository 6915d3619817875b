package org.enma.jobs.ot101;

/** The figures of one OT101 result, rounded as ANALYTICS.md says (diffs from the unrounded values). */
public record Ot101Figures(double consumption, int consumptionNumberOfDays, double averageConsumption,
                           double averageEffConsumption, double diffAverageConsumption,
                           double diffAverageEffConsumption, int numberCustomers, int numberCustomersEff,
                           String criteria) {
}

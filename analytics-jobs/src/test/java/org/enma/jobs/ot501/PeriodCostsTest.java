package org.enma.jobs.ot501;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.ot501.PeriodCosts.Slot;
import org.junit.jupiter.api.Test;

class PeriodCostsTest {

    @Test
    void consumptionAndCostPerPeriodInEuro() {
        PeriodCosts month = new PeriodCosts();
        Slot peak = new Slot("P1", "peak", 15.5);
        Slot valley = new Slot("P3", "valley", 6.25);
        month.add(10, Optional.of(peak), false);      // 10 × 15.5 / 100 = 1.55 €
        month.add(2.5, Optional.of(new Slot("P1", "Peak", 15.5)), false);     // 0.3875 €, the slot renamed
        PeriodCosts otherPartition = new PeriodCosts();
        otherPartition.add(8, Optional.of(valley), true);     // 0.5 €, an estimate
        otherPartition.add(1.2, Optional.empty(), false);      // unpriced
        month.merge(otherPartition);
        // P1: 12.5 kWh, 1.9375 → 1.94 €; P3: 8 kWh, 0.50 €
        // total 21.7 kWh (priced 20.5 + unpriced 1.2), 2.4375 → 2.44 €; 8 of 21.7 kWh estimated: 0.36866… → 0.3687
        assertThat(month.fields()).isEqualTo(Map.of(
                "periods", List.of(
                        Map.of("periodKey", "P1", "timeSlotName", "Peak / peak", "consumption", 12.5,
                                "energyCost", 1.94),
                        Map.of("periodKey", "P3", "timeSlotName", "valley", "consumption", 8.0, "energyCost", 0.5)),
                "totalConsumption", 21.7, "totalEnergyCost", 2.44, "unpricedConsumption", 1.2,
                "estimatedShare", 0.3687));
    }
}

package org.enma.jobs.ot103;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.ot101.PeerComparison.Comparison;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;

class TwelveMonthsTest {

    @Test
    void entriesWithoutAComparisonCarryTheirMonthAndConsumptionOnly() {
        TwelveMonths twelve = new TwelveMonths();
        twelve.add(Month.of(2013, 1), Optional.empty(), Optional.empty());
        twelve.add(Month.of(2013, 2), Optional.empty(), Optional.of(7.125));
        twelve.add(Month.of(2013, 3), Optional.of(new Comparison(10, 31, 20, 5, 4, 1, "postalCode")),
                Optional.of(10.0));
        assertThat(twelve.fields().get("months")).isEqualTo(List.of(
                Map.of("month", 201301),
                Map.of("month", 201302, "consumption", 7.13),
                Map.of("month", 201303, "consumption", 10.0, "averageConsumption", 20.0,
                        "averageEffConsumption", 5.0)));
    }

    @Test
    void totalsSumUnroundedValuesOfCompleteEntriesAndRoundAtTheEnd() {
        TwelveMonths twelve = new TwelveMonths();
        // 1.004 + 1.004 = 2.008 → 2.01, although each entry shows 1.0; 0.3333… × 3 = 1.0 (not 0.99)
        twelve.add(Month.of(2013, 1), Optional.of(new Comparison(1.004, 31, 1.0 / 3, 1.0 / 3, 3, 1, "companyId")),
                Optional.of(1.004));
        twelve.add(Month.of(2013, 2), Optional.of(new Comparison(1.004, 28, 1.0 / 3, 1.0 / 3, 3, 1, "companyId")),
                Optional.of(1.004));
        twelve.add(Month.of(2013, 3), Optional.of(new Comparison(0, 31, 1.0 / 3, 1.0 / 3, 3, 1, "companyId")),
                Optional.of(0.0));
        // a month with data but no comparison adds nothing to the totals
        twelve.add(Month.of(2013, 4), Optional.empty(), Optional.of(500.0));
        Map<String, Object> fields = twelve.fields();
        assertThat(fields.get("totalConsumption")).isEqualTo(2.01);
        assertThat(fields.get("totalAverageConsumption")).isEqualTo(1.0);
        assertThat(fields.get("totalAverageEffConsumption")).isEqualTo(1.0);
        assertThat(((List<?>) fields.get("months")).get(0)).isEqualTo(Map.of("month", 201301, "consumption", 1.0,
                "averageConsumption", 0.33, "averageEffConsumption", 0.33));
    }
}

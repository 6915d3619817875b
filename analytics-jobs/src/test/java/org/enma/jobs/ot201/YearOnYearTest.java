package org.enma.jobs.ot201;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.ExactSum;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;

class YearOnYearTest {

    /** A month of {@code daysInMonth} days: February 2013 (28), February 2012 (29), April 2013 (30). */
    private static Optional<ContractMonth> month(double consumption, int days, int daysInMonth) {
        Month month = switch (daysInMonth) {
            case 28 -> Month.of(2013, 2);
            case 29 -> Month.of(2012, 2);
            default -> Month.of(2013, 4);
        };
        return Optional.of(new ContractMonth("K", month, ExactSum.units(consumption), days, Map.of()));
    }

    @Test
    void bothMonthsCompleteGiveTheDifference() {
        // February 2013 (28 days) against February 2012 (29 days): (290 − 300)/300 = −3.333…%
        assertThat(YearOnYear.compare(month(290, 28, 28), month(300, 29, 29))).contains(Map.of(
                "actualConsumption", 290.0, "previousConsumption", 300.0, "diffConsumption", -3.33));
    }

    @Test
    void aZeroPreviousYearGivesZeroDiff() {
        assertThat(YearOnYear.compare(month(12.345, 30, 30), month(0, 30, 30))).contains(Map.of(
                "actualConsumption", 12.35, "previousConsumption", 0.0, "diffConsumption", 0.0));
    }

    @Test
    void aPartialOrMissingMonthGivesNoResult() {
        assertThat(YearOnYear.compare(month(290, 27, 28), month(300, 29, 29))).isEmpty();
        assertThat(YearOnYear.compare(month(290, 28, 28), month(300, 28, 29))).isEmpty();
        assertThat(YearOnYear.compare(month(290, 28, 28), Optional.empty())).isEmpty();
        assertThat(YearOnYear.compare(Optional.empty(), month(300, 29, 29))).isEmpty();
    }
}

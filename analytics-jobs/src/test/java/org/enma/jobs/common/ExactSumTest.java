package org.enma.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.enma.schema.EnmaException;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    @Test
    void theOrderOfAdditionsDoesNotChangeTheSum() {
        // as doubles, (0.1 + 0.2) + 0.3 = 0.6000000000000001 but 0.1 + (0.2 + 0.3) = 0.6
        assertThat((0.1 + 0.2) + 0.3).isNotEqualTo(0.1 + (0.2 + 0.3));
        long left = ExactSum.add(ExactSum.add(ExactSum.units(0.1), ExactSum.units(0.2)), ExactSum.units(0.3));
        long right = ExactSum.add(ExactSum.units(0.1), ExactSum.add(ExactSum.units(0.2), ExactSum.units(0.3)));
        assertThat(left).isEqualTo(600_000_000L).isEqualTo(right);
        assertThat(ExactSum.value(left)).isEqualTo(0.6);
    }

    @Test
    void aDecimalOfUpToNinePlacesIsTakenExactly() {
        assertThat(ExactSum.units(24.545)).isEqualTo(24_545_000_000L);
        assertThat(ExactSum.units(0.000000001)).isEqualTo(1L);
        assertThat(ExactSum.units(-3.5)).isEqualTo(-3_500_000_000L);
        // 24.545 exactly, which rounds half-up to 24.55 (a double sum landed on either side of it)
        assertThat(Decimals.round2(ExactSum.value(ExactSum.add(ExactSum.units(12.272), ExactSum.units(12.273)))))
                .isEqualTo(24.55);
    }

    @Test
    void valuesAndSumsBeyondTheRangeFailInsteadOfWrappingAround() {
        assertThatThrownBy(() -> ExactSum.units(9e9)).isInstanceOf(EnmaException.class)
                .hasMessage("the value 9.0E9 is beyond what ENMA sums exactly (less than ±9e9)");
        assertThatThrownBy(() -> ExactSum.units(Double.NaN)).isInstanceOf(EnmaException.class);
        assertThatThrownBy(() -> ExactSum.add(Long.MAX_VALUE - 1, 2)).isInstanceOf(EnmaException.class)
                .hasMessage("a sum went beyond what ENMA sums exactly (±9.2e9)");
    }

    @Test
    void dailySumsMergedInEitherOrderAreEqual() {
        LocalDate day = LocalDate.of(2014, 1, 5);
        DailySums a = new DailySums();
        a.add(day, 0.1);
        a.add(day, 0.2);
        DailySums b = new DailySums();
        b.add(day, 0.3);
        DailySums c = new DailySums();
        c.add(day, 0.3);
        DailySums d = new DailySums();
        d.add(day, 0.1);
        d.add(day, 0.2);
        // 0.1 + 0.2 + 0.3 = 0.6 exactly, however the partitions come together
        assertThat(a.merge(b).sums()).containsEntry(day, 0.6);
        assertThat(c.merge(d).sums()).containsEntry(day, 0.6);
    }
}

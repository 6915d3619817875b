package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void plainDecimalTextWithoutExponentOrTrailingZeros() {
        assertThat(DecimalText.format(25.0)).isEqualTo("25");
        assertThat(DecimalText.format(0.001)).isEqualTo("0.001");
        assertThat(DecimalText.format(-3.5)).isEqualTo("-3.5");
        assertThat(DecimalText.format(0.125)).isEqualTo("0.125");
        assertThat(DecimalText.format(1e-7)).isEqualTo("0.0000001");
        assertThat(DecimalText.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(DecimalText.format(0.0)).isEqualTo("0");
        assertThat(DecimalText.format(-0.0)).isEqualTo("0");
        assertThat(DecimalText.format(new BigDecimal("10234.4120"))).isEqualTo("10234.412");
        assertThat(DecimalText.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(DecimalText.format(42L)).isEqualTo("42");
    }

    @Test
    void refusesNonFiniteValues() {
        assertThatThrownBy(() -> DecimalText.format(Double.NaN)).isInstanceOf(EnmaException.class);
        assertThatThrownBy(() -> DecimalText.format(Double.POSITIVE_INFINITY)).isInstanceOf(EnmaException.class);
    }

    @Test
    void parsesOnlyPlainDecimals() {
        assertThat(DecimalText.parse("v", "-3.5")).isEqualByComparingTo("-3.5");
        assertThat(DecimalText.decode("v", "25".getBytes())).isEqualByComparingTo("25");
        for (String bad : new String[] {"1e5", "1,5", "NaN", "Infinity", "", ".5", "5.", "+1", " 1"}) {
            assertThatThrownBy(() -> DecimalText.parse("v", bad))
                    .as(bad)
                    .hasMessageContaining("is not a plain decimal number");
        }
    }
}

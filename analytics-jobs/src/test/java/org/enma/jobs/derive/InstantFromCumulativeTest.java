package org.enma.jobs.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.enma.jobs.derive.InstantFromCumulative.Kind;
import org.junit.jupiter.api.Test;

class InstantFromCumulativeTest {

    @Test
    void theDifferenceOfTwoReadingsIsTakenInDecimal() {
        // 1234.5 − 1230.2 = 4.3 exactly (binary doubles give 4.300000000000182)
        assertThat(InstantFromCumulative.of("1230.2", "1234.5", null, null))
                .isEqualTo(new InstantFromCumulative(Kind.DERIVED, Optional.of("4.3")));
        // 100 − 90 = 10, written plainly (not 1E+1); equal readings give 0
        assertThat(InstantFromCumulative.of("90", "100", null, null).v()).contains("10");
        assertThat(InstantFromCumulative.of("7.50", "7.5", null, null).v()).contains("0");
    }

    @Test
    void aMeterResetGivesNoValue() {
        assertThat(InstantFromCumulative.of("99999.5", "3.5", null, null))
                .isEqualTo(new InstantFromCumulative(Kind.RESET, Optional.empty()));
    }

    @Test
    void anUploadedValueIsNeverTouchedButAnEarlierDerivationIsRedone() {
        assertThat(InstantFromCumulative.of("10", "12", "7", "0").kind()).isEqualTo(Kind.UPLOADED);
        assertThat(InstantFromCumulative.of("10", "12", "7", null).kind()).isEqualTo(Kind.UPLOADED);
        assertThat(InstantFromCumulative.of("10", "12", "7", "1"))
                .isEqualTo(new InstantFromCumulative(Kind.DERIVED, Optional.of("2")));
    }

    @Test
    void withoutBothReadingsNothingIsDerived() {
        assertThat(InstantFromCumulative.of(null, "12", null, null).kind()).isEqualTo(Kind.NOT_DERIVABLE);
        assertThat(InstantFromCumulative.of("10", null, null, null).kind()).isEqualTo(Kind.NOT_DERIVABLE);
    }
}

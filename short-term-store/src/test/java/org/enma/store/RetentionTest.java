package org.enma.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void keepingTwentyFourMonthsInNovember2026KeepsDecember2024Onwards() {
        assertThat(Retention.firstKept(YearMonth.of(2026, 11), 24)).isEqualTo(Month.of(2024, 12));
        assertThat(Retention.firstKept(YearMonth.of(2026, 11), 1)).isEqualTo(Month.of(2026, 11));
        assertThat(Retention.firstKept(YearMonth.of(2026, 1), 13)).isEqualTo(Month.of(2025, 1));
    }
}

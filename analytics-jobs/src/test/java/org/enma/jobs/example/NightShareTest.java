package org.enma.jobs.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NightShareTest {

    @Test
    void shareIsNightOverTotalInPercent() {
        // 29 of 115 kWh at night: 25.2173…% → 25.22
        assertThat(NightShare.fields(29, 115)).isEqualTo(Map.of("nightConsumption", 29.0,
                "totalConsumption", 115.0, "nightShare", 25.22));
    }
}

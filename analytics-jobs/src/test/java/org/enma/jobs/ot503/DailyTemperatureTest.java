package org.enma.jobs.ot503;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyTemperatureTest {

    @Test
    void eachDateWithItsMeanTemperatureAndNoneWhereTheStationHasNoData() {
        DailyTemperature month = new DailyTemperature();
        month.consumption(LocalDate.of(2013, 7, 2), 1.25);
        month.consumption(LocalDate.of(2013, 7, 1), 2);
        month.consumption(LocalDate.of(2013, 7, 1), 3.5);
        month.temperature(LocalDate.of(2013, 7, 1), 20);
        month.temperature(LocalDate.of(2013, 7, 1), 25);
        month.temperature(LocalDate.of(2013, 7, 1), 24);
        month.temperature(LocalDate.of(2013, 7, 3), 30);   // no consumption that day: no entry
        // 1 July: 5.5 kWh, (20 + 25 + 24) / 3 = 23; 2 July: no weather
        assertThat(month.fields()).isEqualTo(Map.of("days", List.of(
                Map.of("day", 20130701, "consumption", 5.5, "temperature", 23.0),
                Map.of("day", 20130702, "consumption", 1.25))));
    }
}

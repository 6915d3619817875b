package org.enma.jobs.ot503;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.enma.jobs.common.DailySums;
import org.junit.jupiter.api.Test;

class DailyTemperatureTest {

    @Test
    void eachDateWithItsMeanTemperatureAndNoneWhereTheStationHasNoData() {
        DailySums consumption = new DailySums();
        consumption.add(LocalDate.of(2013, 7, 2), 1.25);
        consumption.add(LocalDate.of(2013, 7, 1), 2);
        consumption.add(LocalDate.of(2013, 7, 1), 3.5);
        DailySums temperature = new DailySums();
        temperature.add(LocalDate.of(2013, 7, 1), 20);
        temperature.add(LocalDate.of(2013, 7, 1), 25);
        temperature.add(LocalDate.of(2013, 7, 1), 24);
        temperature.add(LocalDate.of(2013, 7, 3), 30);   // no consumption that day: no entry
        // 1 July: 5.5 kWh, (20 + 25 + 24) / 3 = 23; 2 July: no weather
        assertThat(DailyTemperature.fields(consumption, temperature.means())).isEqualTo(Map.of("days", List.of(
                Map.of("day", 20130701, "consumption", 5.5, "temperature", 23.0),
                Map.of("day", 20130702, "consumption", 1.25))));
    }
}

package org.enma.jobs.ot701;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enma.jobs.ot701.WeatherDependence.Day;
import org.junit.jupiter.api.Test;

class WeatherDependenceTest {

    @Test
    void heatingAndCoolingWithResidualsTheFitCannotExplain() {
        List<Day> days = new ArrayList<>();
        // 10 heating days, T = 17 … 8 → HDD = 1 … 10, consumption 5 + HDD = 6 … 15 (Σ 105, Σy² 1185)
        for (int hdd = 1; hdd <= 10; hdd++) {
            days.add(new Day(5 + hdd, 18 - hdd));
        }
        // 10 cooling days, T = 22 … 31 → CDD = 1 … 10, consumption 5 + 3·CDD = 8 … 35 (Σ 215, Σy² 5365)
        for (int cdd = 1; cdd <= 10; cdd++) {
            days.add(new Day(5 + 3 * cdd, 21 + cdd));
        }
        // 10 neutral days at 19 °C, consumption 5 ± 3: residuals orthogonal to both degree-day columns and the
        // constant, so OLS gives exactly 5, 1, 3 (Σ 50, Σy² 5·64 + 5·4 = 340)
        for (int i = 0; i < 10; i++) {
            days.add(new Day(i % 2 == 0 ? 8 : 2, 19));
        }
        // Σy = 370, ȳ = 12.333…; SStot = 6890 − 370²/30 = 2326.667; SSres = 10·9 = 90 → r2 = 0.96132 → 0.96
        // heatingShare = 1·55 / 370 = 14.864…%, coolingShare = 3·55 / 370 = 44.594…%
        assertThat(WeatherDependence.fit(days, 18, 21).orElseThrow().fields()).isEqualTo(Map.of(
                "baseload", 5.0, "heatingSlope", 1.0, "coolingSlope", 3.0, "r2", 0.96, "numberOfDays", 30,
                "heatingShare", 14.86, "coolingShare", 44.59));
    }

    @Test
    void withoutCoolingDaysTheCoolingTermIsDropped() {
        List<Day> days = new ArrayList<>();
        // T = 18 … −11 → HDD = 0 … 29; consumption 10 + 2·HDD exactly; no day above 21 °C
        for (int hdd = 0; hdd < 30; hdd++) {
            days.add(new Day(10 + 2 * hdd, 18 - hdd));
        }
        // ΣHDD = 435, Σy = 300 + 870 = 1170 → heatingShare = 2·435/1170 = 74.358…%
        assertThat(WeatherDependence.fit(days, 18, 21).orElseThrow().fields()).isEqualTo(Map.of(
                "baseload", 10.0, "heatingSlope", 2.0, "coolingSlope", 0.0, "r2", 1.0, "numberOfDays", 30,
                "heatingShare", 74.36, "coolingShare", 0.0));
    }

    @Test
    void fewerThanThirtyDaysAreSkipped() {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            days.add(new Day(10, 5));
        }
        assertThat(WeatherDependence.fit(days, 18, 21)).isEmpty();
        days.add(new Day(10, 5));
        // 30 days, all 13 HDD: the heating term cannot be told from the baseload and is dropped
        assertThat(WeatherDependence.fit(days, 18, 21).orElseThrow().fields()).isEqualTo(Map.of(
                "baseload", 10.0, "heatingSlope", 0.0, "coolingSlope", 0.0, "r2", 1.0, "numberOfDays", 30,
                "heatingShare", 0.0, "coolingShare", 0.0));
    }
}

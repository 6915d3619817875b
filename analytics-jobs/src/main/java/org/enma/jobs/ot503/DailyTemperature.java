package org.enma.jobs.ot503;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.enma.jobs.common.Decimals;

/**
 * OT503's formula as plain Java: a contract's consumption per local date of a month beside the mean {@code
 * temperatureAir} of its weather station that date; a date without weather data has no {@code temperature}.
 */
public final class DailyTemperature {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<LocalDate, Double> consumption = new TreeMap<>();
    private final Map<LocalDate, double[]> temperature = new TreeMap<>();

    public void consumption(LocalDate date, double v) {
        consumption.merge(date, v, Double::sum);
    }

    public void temperature(LocalDate date, double celsius) {
        double[] sumAndCount = temperature.computeIfAbsent(date, d -> new double[2]);
        sumAndCount[0] += celsius;
        sumAndCount[1]++;
    }

    /** {@code days}: one entry per date with consumption, in date order. */
    public Map<String, Object> fields() {
        List<Map<String, Object>> days = new ArrayList<>();
        consumption.forEach((date, v) -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", Integer.parseInt(date.format(DAY)));
            day.put("consumption", Decimals.round2(v));
            double[] t = temperature.get(date);
            if (t != null) {
                day.put("temperature", Decimals.round2(t[0] / t[1]));
            }
            days.add(day);
        });
        return Map.of("days", days);
    }
}

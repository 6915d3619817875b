package org.enma.jobs.ot503;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enma.jobs.common.Decimals;
import org.enma.jobs.common.DailySums;

/**
 * OT503's formula as plain Java: a contract's consumption per local date of a month beside the mean {@code
 * temperatureAir} of its weather station that date ({@code means}, by date); a date without weather data has no
 * {@code temperature}.
 */
public final class DailyTemperature {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DailyTemperature() {
    }

    /** {@code days}: one entry per date with consumption, in date order. */
    public static Map<String, Object> fields(DailySums consumption, Map<LocalDate, Double> means) {
        List<Map<String, Object>> days = new ArrayList<>();
        consumption.sums().forEach((date, v) -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", Integer.parseInt(date.format(DAY)));
            day.put("consumption", Decimals.round2(v));
            Double t = means.get(date);
            if (t != null) {
                day.put("temperature", Decimals.round2(t));
            }
            days.add(day);
        });
        return Map.of("days", days);
    }
}

package org.enma.jobs.derive;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.enma.schema.EnmaException;
import org.enma.schema.MeasureColumns;
import org.enma.schema.TariffColumns;
import org.enma.schema.TariffKey;

/**
 * One row of {@code tariffs}: when its time slot applies (docs/analytics.md § Tariff slot) and what it costs. A slot
 * covers a local time t when t's date is in the energy-cost date range (inclusive), in {@code periodStart..periodEnd}
 * (mmdd, inclusive, may wrap over New Year), t's time of day is in {@code [hourStart, hourEnd)} (may wrap over
 * midnight; equal ends mean the whole day; {@code 240000} is read as the end of the day) and t's weekday is one of
 * {@code days}.
 */
public record TariffSlot(String tariffId, LocalDate costStart, LocalDate costEnd, MonthDay periodStart,
                         MonthDay periodEnd, LocalTime hourStart, LocalTime hourEnd, Set<DayOfWeek> days,
                         String timeSlotName, String energyCost, String flatRate, String periodKey)
        implements Serializable {

    public TariffSlot {
        days = Set.copyOf(days);
    }

    /** The cells a measure this slot prices carries ({@code MeasureColumns.TARIFF_SLOT}), those the row has. */
    public Map<String, String> measureCells() {
        Map<String, String> cells = new HashMap<>();
        putPresent(cells, MeasureColumns.TIME_SLOT_NAME, timeSlotName);
        putPresent(cells, MeasureColumns.ENERGY_COST, energyCost);
        putPresent(cells, MeasureColumns.FLAT_RATE, flatRate);
        putPresent(cells, MeasureColumns.PERIOD_KEY, periodKey);
        return cells;
    }

    private static void putPresent(Map<String, String> cells, String qualifier, String value) {
        if (value != null) {
            cells.put(qualifier, value);
        }
    }

    /** The slot of a {@code tariffs} row: its key and its {@code m:} cells by qualifier. */
    public static TariffSlot of(TariffKey key, Map<String, String> cells) {
        return new TariffSlot(key.tariffId(), key.energyCostStart(), key.energyCostEnd(),
                monthDay(cells, TariffColumns.PERIOD_START), monthDay(cells, TariffColumns.PERIOD_END),
                time(cells, TariffColumns.HOUR_START), time(cells, TariffColumns.HOUR_END),
                days(required(cells, TariffColumns.DAYS)), cells.get(TariffColumns.TIME_SLOT_NAME),
                cells.get(TariffColumns.ENERGY_COST), cells.get(TariffColumns.FLAT_RATE), key.periodKey());
    }

    public boolean covers(LocalDateTime t) {
        LocalDate date = t.toLocalDate();
        return !date.isBefore(costStart) && !date.isAfter(costEnd) && inPeriod(MonthDay.from(date))
                && atHour(t.toLocalTime()) && days.contains(t.getDayOfWeek());
    }

    private boolean inPeriod(MonthDay day) {
        return periodStart.isAfter(periodEnd)
                ? !day.isBefore(periodStart) || !day.isAfter(periodEnd)
                : !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }

    private boolean atHour(LocalTime time) {
        if (hourStart.equals(hourEnd)) {
            return true;
        }
        return hourStart.isBefore(hourEnd)
                ? !time.isBefore(hourStart) && time.isBefore(hourEnd)
                : !time.isBefore(hourStart) || time.isBefore(hourEnd);
    }

    private static String required(Map<String, String> cells, String name) {
        String value = cells.get(name);
        if (value == null || value.isEmpty()) {
            throw new EnmaException("tariff slot has no " + name);
        }
        return value;
    }

    private static MonthDay monthDay(Map<String, String> cells, String name) {
        String mmdd = required(cells, name);
        try {
            return MonthDay.of(Integer.parseInt(mmdd.substring(0, 2)), Integer.parseInt(mmdd.substring(2, 4)));
        } catch (RuntimeException e) {
            throw new EnmaException("tariff slot " + name + " \"" + mmdd + "\" is not mmdd");
        }
    }

    private static LocalTime time(Map<String, String> cells, String name) {
        String hhmmss = required(cells, name);
        if (hhmmss.equals("240000")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.of(Integer.parseInt(hhmmss.substring(0, 2)), Integer.parseInt(hhmmss.substring(2, 4)),
                    Integer.parseInt(hhmmss.substring(4, 6)));
        } catch (RuntimeException e) {
            throw new EnmaException("tariff slot " + name + " \"" + hhmmss + "\" is not HHMMSS");
        }
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : text.split(",")) {
            days.add(switch (day.trim().toLowerCase(Locale.ROOT)) {
                case "mon" -> DayOfWeek.MONDAY;
                case "tue" -> DayOfWeek.TUESDAY;
                case "wed" -> DayOfWeek.WEDNESDAY;
                case "thu" -> DayOfWeek.THURSDAY;
                case "fri" -> DayOfWeek.FRIDAY;
                case "sat" -> DayOfWeek.SATURDAY;
                case "sun" -> DayOfWeek.SUNDAY;
                default -> throw new EnmaException("tariff slot days \"" + text + "\" has \"" + day
                        + "\", not one of Mon,Tue,Wed,Thu,Fri,Sat,Sun");
            });
        }
        return days;
    }
}

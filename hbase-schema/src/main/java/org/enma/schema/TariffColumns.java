package org.enma.schema;

import java.util.List;

/** Qualifiers of family {@code m} in the {@code tariffs} table (one row per time slot of a tariff version). */
public final class TariffColumns {
    public static final String TIME_SLOT_NAME = "timeSlotName";
    public static final String FLAT_RATE = "flatRate";
    public static final String ENERGY_COST = "energyCost";
    public static final String PERIOD_START = "periodStart";
    public static final String PERIOD_END = "periodEnd";
    public static final String HOUR_START = "hourStart";
    public static final String HOUR_END = "hourEnd";
    public static final String DAYS = "days";
    public static final List<String> ALL = List.of(TIME_SLOT_NAME, FLAT_RATE, ENERGY_COST, PERIOD_START, PERIOD_END,
            HOUR_START, HOUR_END, DAYS);

    private TariffColumns() {
    }
}

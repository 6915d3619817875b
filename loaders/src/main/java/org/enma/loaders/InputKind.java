package org.enma.loaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.enma.schema.CompanyId;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.StationColumns;
import org.enma.schema.TariffColumns;
import org.enma.schema.TableKind;

/** The upload kinds of docs/upload-formats.md: their columns, their target table and their row mapper. */
public enum InputKind {
    CONSUMPTION, TOU, TERTIARY, CUSTOMERS, TARIFFS, WEATHER, STATIONS;

    public static final String DEFAULT_CONSUMPTION_TYPE = EnmaTable.ELECTRICITY_CONSUMPTION;
    public static final String DEFAULT_WEATHER_TYPE = EnmaTable.TEMPERATURE_AIR;

    public static InputKind parse(String name) {
        for (InputKind k : values()) {
            if (k.cliName().equals(name)) {
                return k;
            }
        }
        throw new EnmaException("unknown input kind \"" + name
                + "\": use consumption, tou, tertiary, customers, tariffs, weather or stations");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Weather is shared by all companies; every other kind belongs to one. */
    public boolean takesCompany() {
        return this != WEATHER;
    }

    /** Consumption and weather kinds take a measure type ({@code --type}). */
    public boolean takesType() {
        return this == CONSUMPTION || this == TOU || this == TERTIARY || this == WEATHER;
    }

    public String defaultType() {
        return this == WEATHER ? DEFAULT_WEATHER_TYPE : DEFAULT_CONSUMPTION_TYPE;
    }

    public EnmaTable table(CompanyId company, String type) {
        return switch (this) {
            case CONSUMPTION -> EnmaTable.consumption(TableKind.CONSUMPTION, type, company);
            case TOU -> EnmaTable.consumption(TableKind.TOU, type, company);
            case TERTIARY -> EnmaTable.consumption(TableKind.TERTIARY, type, company);
            case CUSTOMERS -> EnmaTable.customers();
            case TARIFFS -> EnmaTable.tariffs();
            case WEATHER -> EnmaTable.weather(type);
            case STATIONS -> EnmaTable.stations();
        };
    }

    Columns columns() {
        List<String> measureKey = List.of(ConsumptionMapper.CONTRACT_ID, ConsumptionMapper.TIMESTAMP);
        return switch (this) {
            case CONSUMPTION -> Columns.of(measureKey, join(List.of(MeasureColumns.V, MeasureColumns.VA),
                    ConsumptionMapper.TARIFF_COLUMNS));
            case TOU -> Columns.of(measureKey, join(join(ConsumptionMapper.periodColumns(3), List.of(MeasureColumns.V)),
                    ConsumptionMapper.TARIFF_COLUMNS));
            case TERTIARY -> new Columns(measureKey, join(List.of(MeasureColumns.V), ConsumptionMapper.TARIFF_COLUMNS),
                    true);
            case CUSTOMERS -> Columns.of(List.of(ConsumptionMapper.CONTRACT_ID), CustomerColumns.names());
            case TARIFFS -> Columns.of(join(join(List.of(TariffMapper.TARIFF_ID), TariffMapper.DATE_COLUMNS),
                    join(List.of(TariffMapper.PERIOD_KEY), TariffColumns.ALL)), List.of());
            case WEATHER -> Columns.of(List.of(WeatherMapper.STATION_ID, ConsumptionMapper.TIMESTAMP,
                    MeasureColumns.V), List.of());
            case STATIONS -> Columns.of(List.of(WeatherMapper.STATION_ID), StationColumns.ALL);
        };
    }

    RowMapper mapper(CompanyId company, Timestamps timestamps, Header header) {
        return switch (this) {
            case CONSUMPTION -> new ConsumptionMapper(timestamps, 0, true);
            case TOU -> new ConsumptionMapper(timestamps, 3, false);
            case TERTIARY -> new ConsumptionMapper(timestamps, Columns.periodCount(header.columns()), false);
            case CUSTOMERS -> new CustomerMapper(company, timestamps);
            case TARIFFS -> new TariffMapper(company);
            case WEATHER -> new WeatherMapper(timestamps);
            case STATIONS -> new StationMapper(company);
        };
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package org.enma.jobs.ot701;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.DailySums;
import org.enma.jobs.read.TimeRange;
import org.enma.jobs.setup.Parameter;
import org.enma.schema.EnmaException;
import org.enma.schema.CustomerColumns;

/**
 * OT701 — weather dependence (docs/analytics.md): per contract, the least-squares fit of daily consumption on heating and
 * cooling degree days over the days of M−11 … M with both consumption and a temperature at the contract's
 * {@code weatherStationId}. One scan of the twelve months of consumption, one of the weather; the fits run on the
 * driver (a few microseconds each). A contract without a station is skipped as {@code noWeatherStation} — a reason
 * docs/analytics.md does not name, kept apart from {@code notEnoughDays} because its fix is different (load customers).
 */
public final class Ot701 implements Analytic {
    static final String NOT_ENOUGH_DAYS = "notEnoughDays";
    static final String NO_WEATHER_STATION = "noWeatherStation";
    private static final Parameter HEATING_BASE = Parameter.number("heatingBase", 18);
    private static final Parameter COOLING_BASE = Parameter.number("coolingBase", 21);


    @Override
    public String name() {
        return "OT701";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(HEATING_BASE, COOLING_BASE);
    }

    @Override
    public void check(Map<String, Object> parameters) {
        if (base(parameters, HEATING_BASE) > base(parameters, COOLING_BASE)) {
            throw new EnmaException("setup parameter \"heatingBase\" (" + base(parameters, HEATING_BASE)
                    + ") must not be above \"coolingBase\" (" + base(parameters, COOLING_BASE) + ")");
        }
    }

    @Override
    public Outcome run(JobContext job) throws IOException {
        List<TimeRange> year = List.of(TimeRange.ofMonths(job.month().plusMonths(-11), job.month(), job.data().zone()));
        Map<String, DailySums> consumption = job.dailyConsumption(year);
        Map<String, DailySums> temperatures = job.dailyTemperatures(year);
        Map<String, Map<String, String>> customers = job.customers();
        double heatingBase = base(job.parameters(), HEATING_BASE);
        double coolingBase = base(job.parameters(), COOLING_BASE);
        Outcome outcome = new Outcome();
        new TreeMap<>(consumption).forEach((contract, days) -> {
            String station = customers.getOrDefault(contract, Map.of()).get(CustomerColumns.WEATHER_STATION_ID);
            if (station == null) {
                outcome.skip(NO_WEATHER_STATION);
                return;
            }
            Map<LocalDate, Double> temperature = temperatures.getOrDefault(station, new DailySums()).means();
            List<WeatherDependence.Day> both = new ArrayList<>();
            days.sums().forEach((date, v) -> {
                Double t = temperature.get(date);
                if (t != null) {
                    both.add(new WeatherDependence.Day(v, t));
                }
            });
            WeatherDependence.fit(both, heatingBase, coolingBase).ifPresentOrElse(
                    fit -> outcome.result(contract, fit.fields()), () -> outcome.skip(NOT_ENOUGH_DAYS));
        });
        return outcome;
    }

    private static double base(Map<String, Object> parameters, Parameter parameter) {
        return ((Number) parameters.getOrDefault(parameter.name(), parameter.defaultValue())).doubleValue();
    }
}

package org.enma.jobs.ot701;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.DailySums;
import org.enma.jobs.common.EstimatedShare;
import org.enma.jobs.read.TimeRange;
import org.enma.jobs.setup.Parameter;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;

/**
 * OT701 — weather dependence (docs/analytics.md): per contract, the least-squares fit of daily consumption on heating
 * and cooling degree days over the days of M−11 … M with both consumption and a temperature at the contract's
 * {@code weatherStationId}. One scan of the twelve months of consumption, summed by contract and day through the
 * shuffle; one of the weather, whose stations' days are broadcast; each contract's station from a join with its
 * customer row, and its fit on the executor that holds it. A contract without a station is skipped as {@code
 * noWeatherStation}, kept apart from {@code notEnoughDays} because its fix is different (load customers).
 */
public final class Ot701 implements Analytic {
    static final String NOT_ENOUGH_DAYS = "notEnoughDays";
    static final String NO_WEATHER_STATION = "noWeatherStation";
    private static final Parameter HEATING_BASE = Parameter.number("heatingBase", 18);
    private static final Parameter COOLING_BASE = Parameter.number("coolingBase", 21);
    private static final SortedMap<LocalDate, Double> EMPTY = new TreeMap<>();

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
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        List<TimeRange> year = List.of(TimeRange.ofMonths(job.month().plusMonths(-11), job.month(), job.data().zone()));
        JavaPairRDD<String, DailySums> consumption = job.dailyConsumption(year);
        Broadcast<Map<String, SortedMap<LocalDate, Double>>> temperatures = job.dailyTemperatures(year);
        double heatingBase = base(job.parameters(), HEATING_BASE);
        double coolingBase = base(job.parameters(), COOLING_BASE);
        return job.withCustomers(List.of(CustomerColumns.WEATHER_STATION_ID), consumption)
                .map(contract -> {
                    String station = contract._2()._2().get(CustomerColumns.WEATHER_STATION_ID);
                    if (station == null) {
                        return Outcome.skipped(contract._1(), NO_WEATHER_STATION);
                    }
                    Map<LocalDate, Double> temperature = temperatures.value().getOrDefault(station, EMPTY);
                    List<WeatherDependence.Day> both = new ArrayList<>();
                    contract._2()._1().sums().forEach((date, v) -> {
                        Double t = temperature.get(date);
                        if (t != null) {
                            both.add(new WeatherDependence.Day(v, t));
                        }
                    });
                    double share = contract._2()._1().estimatedShare();
                    return WeatherDependence.fit(both, heatingBase, coolingBase)
                            .map(fit -> Outcome.result(contract._1(), EstimatedShare.onto(fit.fields(), share)))
                            .orElseGet(() -> Outcome.skipped(contract._1(), NOT_ENOUGH_DAYS));
                });
    }

    private static double base(Map<String, Object> parameters, Parameter parameter) {
        return ((Number) parameters.getOrDefault(parameter.name(), parameter.defaultValue())).doubleValue();
    }
}

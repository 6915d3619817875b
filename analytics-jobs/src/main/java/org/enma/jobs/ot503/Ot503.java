package org.enma.jobs.ot503;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.DailySums;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CustomerColumns;

/**
 * OT503 — daily consumption against temperature (docs/analytics.md): each contract's consumption per local date of month
 * M beside the mean {@code temperatureAir} of its {@code weatherStationId} that date. A contract without a station
 * still gets its days, without temperatures.
 */
public final class Ot503 implements Analytic {
    @Override
    public String name() {
        return "OT503";
    }

    @Override
    public Outcome run(JobContext job) throws IOException {
        List<TimeRange> month = List.of(TimeRange.ofMonth(job.month(), job.data().zone()));
        Map<String, DailySums> consumption = job.dailyConsumption(month);
        Map<String, DailySums> temperatures = job.dailyTemperatures(month);
        Map<String, Map<String, String>> customers = job.customers();
        Outcome outcome = new Outcome();
        new TreeMap<>(consumption).forEach((contract, days) -> {
            String station = customers.getOrDefault(contract, Map.of()).get(CustomerColumns.WEATHER_STATION_ID);
            outcome.result(contract, DailyTemperature.fields(days,
                    station == null ? new DailySums() : temperatures.getOrDefault(station, new DailySums())));
        });
        return outcome;
    }
}

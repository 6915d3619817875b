package org.enma.jobs.ot503;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.DailySums;
import org.enma.jobs.common.EstimatedShare;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CustomerColumns;

/**
 * OT503 — daily consumption against temperature (docs/analytics.md): each contract's consumption per local date of
 * month M beside the mean {@code temperatureAir} of its {@code weatherStationId} that date. A contract without a
 * station still gets its days, without temperatures. The stations' days are broadcast (stations × days); each
 * contract's station comes from a join with its customer row on the executors.
 */
public final class Ot503 implements Analytic {
    @Override
    public String name() {
        return "OT503";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        List<TimeRange> month = List.of(TimeRange.ofMonth(job.month(), job.data().zone()));
        JavaPairRDD<String, DailySums> consumption = job.dailyConsumption(month);
        Broadcast<Map<String, SortedMap<LocalDate, Double>>> temperatures = job.dailyTemperatures(month);
        return job.withCustomers(List.of(CustomerColumns.WEATHER_STATION_ID), consumption)
                .map(contract -> {
                    String station = contract._2()._2().get(CustomerColumns.WEATHER_STATION_ID);
                    Map<LocalDate, Double> days = station == null ? null : temperatures.value().get(station);
                    return Outcome.result(contract._1(), EstimatedShare.onto(DailyTemperature.fields(
                            contract._2()._1(), days == null ? Map.of() : days), contract._2()._1().estimatedShare()));
                });
    }
}

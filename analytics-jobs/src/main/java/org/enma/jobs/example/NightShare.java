package org.enma.jobs.example;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.Decimals;

/**
 * OT901 — night share: the part of a contract's monthly consumption used between 00:00 and 06:00 local time. Not an
 * EMPOWERING analytic: the worked example of the data scientists' guide (docs/writing-analytics.md), written the way
 * the guide says — one class, the Spark SQL views, the arithmetic in a plain function, one line in {@code Analytics};
 * the SQL groups by contract on the executors and each row becomes its contract's outcome there too.
 */
public final class NightShare implements Analytic {
    static final String NO_CONSUMPTION = "noConsumption";

    @Override
    public String name() {
        return "OT901";
    }

    @Override
    public JavaRDD<Outcome> run(JobContext job) throws IOException {
        job.data().consumption(job.company(), job.type(), job.month(), job.month());
        // Summed as decimals: a SUM of doubles depends on the order Spark adds partitions in, and a total such as
        // 24.545 would round to 24.54 on one run and 24.55 on the next.
        return job.data().spark().sql("""
                SELECT contractId,
                       SUM(CAST(v AS DECIMAL(24, 9))) AS total,
                       SUM(CASE WHEN hour < 6 THEN CAST(v AS DECIMAL(24, 9)) ELSE 0 END) AS night
                FROM consumption
                WHERE v IS NOT NULL
                GROUP BY contractId""").javaRDD().map(row -> {
                    double total = row.getDecimal(1).doubleValue();
                    return total <= 0 ? Outcome.skipped(row.getString(0), NO_CONSUMPTION)
                            : Outcome.result(row.getString(0), fields(row.getDecimal(2).doubleValue(), total));
                });
    }

    /** {@code nightConsumption}, {@code totalConsumption} and {@code nightShare} = night / total × 100. */
    public static Map<String, Object> fields(double night, double total) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nightConsumption", Decimals.round2(night));
        fields.put("totalConsumption", Decimals.round2(total));
        fields.put("nightShare", Decimals.round2(night / total * 100));
        return fields;
    }
}

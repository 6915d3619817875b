package org.enma.jobs;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.api.java.function.Function2;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.DailySums;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.jobs.common.Usage;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import scala.Tuple2;

/** What one run of an analytic is about — company, measure type, month, parameters — and the data to read. */
public record JobContext(EnmaData data, CompanyId company, String type, Month month, Map<String, Object> parameters) {
    /** The weather type OT503 and OT701 read. */
    public static final String TEMPERATURE = EnmaTable.TEMPERATURE_AIR;
    /** Adds a measure's {@code v} to the sum of the local date it belongs to. */
    private static final Fold<DailySums> BY_DATE = (days, m, hour) -> days.add(hour.toLocalDate(), m.v());

    /** The consumption table of this run's type and company. */
    public EnmaTable consumptionTable() {
        return EnmaTable.measuresOf(type, company);
    }

    /**
     * {@code C(c, m)} and {@code days(c, m)} of every contract with data in each of {@code months}: one scan of the
     * buckets over the months (consecutive months in one range), summed inside each Spark partition, partial sums
     * merged on the way to the driver.
     */
    public MonthlyUsage monthlyUsage(Collection<Month> months) throws IOException {
        Set<Month> wanted = Set.copyOf(months);
        ZoneId zone = data.zone();
        JavaRDD<Measure> measures = data.measures(consumptionTable(), TimeRange.covering(wanted, zone),
                MeasureFields.INSTANT);
        return measures.mapPartitions(partition -> {
            MonthlyUsage usage = new MonthlyUsage(wanted, zone);
            partition.forEachRemaining(m -> m.instant().ifPresent(v -> usage.add(m.id(), m.timestamp(), v)));
            return List.of(usage).iterator();
        }).reduce(MonthlyUsage::merge);
    }

    /** Adds one measure (with its local hour by the interval convention) into an accumulator. */
    @FunctionalInterface
    public interface Fold<A> extends Serializable {
        void add(A accumulator, Measure measure, LocalDateTime hour) throws Exception;
    }

    /**
     * One accumulator per contract over this run's measures with a {@code v} in {@code times} (read with {@code
     * fields}): filled inside each Spark partition, merged by contract across partitions, returned to the driver.
     */
    public <A extends Serializable> Map<String, A> perContract(List<TimeRange> times, MeasureFields fields,
                                                               Function0<A> fresh, Fold<A> fold,
                                                               Function2<A, A, A> merge) throws IOException {
        return perId(consumptionTable(), times, fields, fresh, fold, merge);
    }

    /** Each contract's consumption per local date over {@code times}. */
    public Map<String, DailySums> dailyConsumption(List<TimeRange> times) throws IOException {
        return perContract(times, MeasureFields.INSTANT, DailySums::new, BY_DATE, DailySums::merge);
    }

    /**
     * Each weather station's {@code temperatureAir} per local date over {@code times} (the weather tables are shared
     * by all companies: every station with data comes back).
     */
    public Map<String, DailySums> dailyTemperatures(List<TimeRange> times) throws IOException {
        return perId(EnmaTable.weather(TEMPERATURE), times, MeasureFields.INSTANT, DailySums::new, BY_DATE,
                DailySums::merge);
    }

    private <A extends Serializable> Map<String, A> perId(EnmaTable table, List<TimeRange> times, MeasureFields fields,
                                                          Function0<A> fresh, Fold<A> fold, Function2<A, A, A> merge)
            throws IOException {
        ZoneId zone = data.zone();
        return new HashMap<>(data.measures(table, times, fields).mapPartitionsToPair(partition -> {
            LocalHours hours = new LocalHours(zone);
            Map<String, A> accumulators = new HashMap<>();
            while (partition.hasNext()) {
                Measure m = partition.next();
                if (m.v() != null) {
                    A accumulator = accumulators.get(m.id());
                    if (accumulator == null) {
                        accumulator = fresh.call();
                        accumulators.put(m.id(), accumulator);
                    }
                    fold.add(accumulator, m, hours.of(m.timestamp()));
                }
            }
            List<Tuple2<String, A>> pairs = new ArrayList<>(accumulators.size());
            accumulators.forEach((id, accumulator) -> pairs.add(new Tuple2<>(id, accumulator)));
            return pairs.iterator();
        }).reduceByKey(merge).collectAsMap());
    }

    /** The company's customer attributes by contractId. */
    public Map<String, Map<String, String>> customers() throws IOException {
        return data.customerAttributes(company);
    }

    /** The contracts with data in {@code month}, with their attributes (none for a contract missing in customers). */
    public static List<ContractMonth> contractMonths(Month month, MonthlyUsage usage,
                                                     Map<String, Map<String, String>> customers) {
        List<ContractMonth> contracts = new ArrayList<>();
        for (Map.Entry<String, Usage> e : usage.of(month).entrySet()) {
            contracts.add(ContractMonth.of(e.getKey(), month, e.getValue(),
                    customers.getOrDefault(e.getKey(), Map.of())));
        }
        contracts.sort(Comparator.comparing(ContractMonth::contractId));
        return contracts;
    }
}

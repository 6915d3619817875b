package org.enma.jobs;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.enma.jobs.common.ContractTime;
import org.enma.jobs.common.DailySums;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.MappedIterator;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;
import scala.Tuple2;

/**
 * What one run of an analytic is about — company, measure type, month, parameters — and the data to read, as Spark
 * data keyed by contract: per-contract folds go through Spark's shuffle (summed inside each partition in a bounded
 * map, then merged by contract in Spark's {@code combineByKey}, which spills to disk when memory runs short), so
 * every contract's figures end up on one executor and none on the driver.
 */
public record JobContext(EnmaData data, CompanyId company, String type, Month month, Map<String, Object> parameters) {
    /** The weather type OT503 and OT701 read. */
    public static final String TEMPERATURE = EnmaTable.TEMPERATURE_AIR;
    /**
     * The ids one task folds in a hash map before handing them to Spark's combiner ({@link PartialFolds}): a month's
     * {@link MonthlyUsage} is about 200 bytes, a year's {@link DailySums} up to 6 kB, so at most some 50 MB a task.
     */
    private static final int HELD_IDS = 8192;
    /** {@code m:v} and whether it is an estimate: what {@code estimatedShare} needs. */
    public static final MeasureFields ESTIMATED = new MeasureFields(false, List.of(MeasureColumns.EST));
    /** Adds a measure's {@code v} to the sum of the local date it belongs to. */
    private static final Fold<DailySums> BY_DATE = (days, m, hour) -> days.add(hour.toLocalDate(), m.v(),
            m.text(MeasureColumns.EST).isPresent());

    /** The consumption table of this run's type and company. */
    public EnmaTable consumptionTable() {
        return EnmaTable.measuresOf(type, company);
    }

    /**
     * {@code C(c, m)}, {@code days(c, m)} and the estimates' part of C of every contract with data in any of {@code
     * months}: one scan of the buckets over the months (consecutive months in one range), summed by contract.
     */
    public JavaPairRDD<String, MonthlyUsage> monthlyUsage(List<Month> months) throws IOException {
        List<Month> wanted = List.copyOf(months);
        return perContract(TimeRange.covering(wanted, data.zone()), ESTIMATED,
                () -> new MonthlyUsage(wanted), (usage, m, hour) -> usage.add(hour, m.v(),
                        m.text(MeasureColumns.EST).isPresent()), MonthlyUsage::merge)
                .filter(contract -> !contract._2().isEmpty());
    }

    /** Adds one measure (with its local hour by the interval convention) into an accumulator. */
    @FunctionalInterface
    public interface Fold<A> extends Serializable {
        void add(A accumulator, Measure measure, LocalDateTime hour);
    }

    /**
     * One accumulator per contract over this run's measures with a {@code v} in {@code times} (read with {@code
     * fields}): filled inside each Spark partition, merged by contract through the shuffle, left on the executors.
     */
    public <A extends Serializable> JavaPairRDD<String, A> perContract(List<TimeRange> times, MeasureFields fields,
                                                                       Function0<A> fresh, Fold<A> fold,
                                                                       Function2<A, A, A> merge) throws IOException {
        return perId(consumptionTable(), times, fields, fresh, fold, merge);
    }

    /** What a job makes of one contract's measures, handed over whole and in time order. */
    @FunctionalInterface
    public interface SeriesJob extends Serializable {
        Outcome of(String contractId, List<Measure> series);
    }

    /**
     * One outcome per contract with measures in {@code times} (read with {@code fields}), made by {@code job} from
     * the contract's measures in time order: Spark's shuffle brings each contract's measures to one task, sorted
     * (spilling to disk when memory runs short), and the task hands over one contract at a time — a month of
     * quarter-hours is some three thousand measures.
     */
    public JavaRDD<Outcome> perContractSeries(List<TimeRange> times, MeasureFields fields, SeriesJob job)
            throws IOException {
        JavaRDD<Measure> measures = data.measures(consumptionTable(), times, fields);
        return measures.mapToPair(m -> new Tuple2<>(new ContractTime(m.id(), m.timestamp()), m))
                .repartitionAndSortWithinPartitions(partitioner(measures), ContractTime.ORDER)
                .mapPartitions(sorted -> new ContractSeries(sorted, job));
    }

    /** Each contract's consumption per local date over {@code times}, with the share of it estimates make up. */
    public JavaPairRDD<String, DailySums> dailyConsumption(List<TimeRange> times) throws IOException {
        return perContract(times, ESTIMATED, DailySums::new, BY_DATE, DailySums::merge);
    }

    /**
     * Each weather station's mean {@code temperatureAir} per local date over {@code times}, broadcast to the
     * executors: stations × days, whatever the number of contracts. The weather tables are shared by all companies:
     * every station with data comes back.
     */
    public Broadcast<Map<String, SortedMap<LocalDate, Double>>> dailyTemperatures(List<TimeRange> times)
            throws IOException {
        Map<String, SortedMap<LocalDate, Double>> means = new HashMap<>();
        perId(EnmaTable.weather(TEMPERATURE), times, MeasureFields.INSTANT, DailySums::new, BY_DATE, DailySums::merge)
                .mapValues(DailySums::means).collectAsMap().forEach(means::put);
        return new JavaSparkContext(data.spark().sparkContext()).broadcast(means);
    }

    private <A extends Serializable> JavaPairRDD<String, A> perId(EnmaTable table, List<TimeRange> times,
                                                                  MeasureFields fields, Function0<A> fresh,
                                                                  Fold<A> fold, Function2<A, A, A> merge)
            throws IOException {
        LocalHours hours = new LocalHours(data.zone());
        JavaRDD<Measure> measures = data.measures(table, times, fields);
        return measures.mapPartitionsToPair(partition -> new PartialFolds<>(partition, fresh, fold, hours, HELD_IDS))
                .combineByKey(folded -> folded, merge, merge, partitioner(measures));
    }

    /**
     * How per-contract data is spread: by a hash of the contract over as many partitions as the read has (regions,
     * which grow with the table), at least one per core.
     */
    private Partitioner partitioner(JavaRDD<?> read) {
        return new HashPartitioner(Math.max(read.getNumPartitions(), data.spark().sparkContext().defaultParallelism()));
    }

    /**
     * Each of {@code perContract} with the {@code attributes} of its customer (an empty map when it has none): the
     * customers are read by region on the executors and partitioned like {@code perContract}, then each partition
     * looks its contracts up in a hash map of its own customers (a few hundred bytes each: some megabytes for the
     * 20,000 a partition gets at 200,000 contracts over ten regions). Spark's join holds both sides in its combine
     * maps and estimates their size as they grow: on a month of a thousand contracts, about an eighth of the CPU of
     * the stage after OT101's read.
     */
    public <V> JavaPairRDD<String, Tuple2<V, Map<String, String>>> withCustomers(Collection<String> attributes,
                                                                                  JavaPairRDD<String, V> perContract)
            throws IOException {
        if (attributes.isEmpty()) {
            return perContract.mapValues(value -> new Tuple2<>(value, Map.of()));
        }
        // partitionBy hands back an RDD already partitioned so as it is
        Partitioner by = perContract.partitioner().orElse(new HashPartitioner(perContract.getNumPartitions()));
        JavaPairRDD<String, V> contracts = perContract.partitionBy(by);
        JavaPairRDD<String, Map<String, String>> customers = data.customerAttributes(company, attributes)
                .partitionBy(by);
        return JavaPairRDD.fromJavaRDD(contracts.zipPartitions(customers, JobContext::withTheirCustomers));
    }

    /** One partition's contracts, each with its customer's attributes from that partition's customers. */
    private static <V> Iterator<Tuple2<String, Tuple2<V, Map<String, String>>>> withTheirCustomers(
            Iterator<Tuple2<String, V>> contracts, Iterator<Tuple2<String, Map<String, String>>> customers) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        customers.forEachRemaining(customer -> byId.put(customer._1(), customer._2()));
        return MappedIterator.of(contracts, contract -> new Tuple2<>(contract._1(), new Tuple2<>(contract._2(),
                byId.getOrDefault(contract._1(), Map.of()))));
    }
}

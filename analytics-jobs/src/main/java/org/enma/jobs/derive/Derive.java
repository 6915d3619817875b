package org.enma.jobs.derive;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.enma.config.Endpoints;
import org.enma.jobs.common.ContractTime;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CompanyId;
import org.enma.schema.ContractDay;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;
import scala.Tuple2;

/**
 * {@code enma derive}: fills the platform-derived fields of a company's measures over months {@code from} … {@code
 * to} (docs/analytics.md § Platform-derived measure fields) — {@code v} from {@code va} differences with {@code calc = 1},
 * and the tariff slot fields. One shuffle brings each contract's measures together in time order, behind its tariff
 * (its {@code customers} row, joined by contract); each Spark task walks its contracts ({@link SeriesWalk}), pricing
 * and deriving as it goes, and writes its own changes. The tariffs' slots are broadcast by {@code tariffId}. A
 * contract's first measure takes its previous reading from before the range, joined from widening windows (two days,
 * 40 days, 400 days) for just the contracts still without one; a reading older than that is not looked for and the
 * measure gets no {@code v}. Nothing per contract reaches the driver.
 *
 * <p>Only cells that change are written, so a rerun over the same inputs writes nothing and leaves the same cells.
 * Every contract-day of the range is recorded for the period rollup once the walk has read (and written) it, before
 * the first measures' {@code v} are derived: a run killed before that leaves days unrecorded that its rerun records.
 */
public final class Derive {
    /** The cells the walk reads of each measure: what it derives from, and what it may have to replace. */
    static final MeasureFields PRICING = new MeasureFields(false, List.of(MeasureColumns.V, MeasureColumns.VA,
            MeasureColumns.CALC, MeasureColumns.TIME_SLOT_NAME, MeasureColumns.ENERGY_COST, MeasureColumns.FLAT_RATE,
            MeasureColumns.PERIOD_KEY, MeasureColumns.EST, MeasureColumns.Q));
    private static final MeasureFields READING = new MeasureFields(false, List.of(MeasureColumns.VA));
    private static final List<Duration> LOOKBACK = List.of(Duration.ofDays(2), Duration.ofDays(40),
            Duration.ofDays(400));

    private Derive() {
    }

    /** Where a contract's tariff goes: before all its measures. */
    static ContractTime tariffOf(String contractId) {
        return new ContractTime(contractId, Long.MIN_VALUE);
    }

    /** What the walk takes, in contract and time order: a contract's tariff (first, if it has one), its measures. */
    record Step(String tariffId, Measure measure) implements Serializable {
    }

    /** What the walk hands on: a task's counts, a contract's first measure waiting for a reading, a contract-day. */
    record Walked(DeriveCounts counts, Measure waiting, ContractDay day) implements Serializable {
    }

    /**
     * Derives the fields of {@code table}'s measures of months {@code from} … {@code to}; {@code notes} takes what the
     * user should know (printed on stderr), {@code changedDays} the distinct contract-days of the range, as Spark
     * data, to record for the rollup.
     */
    public static DeriveCounts run(EnmaData data, CompanyId company, EnmaTable table, Month from, Month to,
                                   Consumer<String> notes, Consumer<JavaRDD<ContractDay>> changedDays)
            throws IOException {
        String name = data.existing(table).getNameAsString();
        JavaSparkContext spark = new JavaSparkContext(data.spark().sparkContext());
        Broadcast<TariffSlots> tariffs = spark.broadcast(tariffsOf(data, company, notes));
        ZoneId zone = data.zone();
        Endpoints where = data.endpoints();
        List<TimeRange> range = List.of(TimeRange.ofMonths(from, to, zone));
        JavaRDD<Measure> measures = data.measures(table, range, PRICING);
        JavaPairRDD<ContractTime, Step> steps = measures.mapToPair(m -> new Tuple2<>(
                new ContractTime(m.id(), m.timestamp()), new Step(null, m)));
        if (data.exists(EnmaTable.customers())) {
            steps = steps.union(data.customerAttributes(company, List.of(CustomerColumns.TARIFF_ID)).mapToPair(c ->
                    new Tuple2<>(tariffOf(c._1()), new Step(c._2().get(CustomerColumns.TARIFF_ID), null))));
        }
        HashPartitioner byContract = new HashPartitioner(Math.max(measures.getNumPartitions(),
                spark.defaultParallelism()));
        JavaRDD<Walked> walked = steps.repartitionAndSortWithinPartitions(byContract, ContractTime.ORDER)
                .mapPartitions(sorted -> new SeriesWalk(sorted, tariffs.value(), zone,
                        SharedConnections.of(where).getBufferedMutator(TableName.valueOf(name))))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            DeriveCounts counts = walked.filter(w -> w.counts() != null).map(Walked::counts)
                    .fold(new DeriveCounts(), DeriveCounts::add);
            // the walk read every number cell of every measure in the range: what it skipped is what this run skipped
            counts.badCells(data.badCells());
            // every day of the range, whether this run changed it or an earlier, killed one did: the rollup redoes them
            changedDays.accept(walked.filter(w -> w.day() != null).map(Walked::day));
            return counts.add(firsts(data, table, range.get(0).fromSecond(),
                    walked.filter(w -> w.waiting() != null).mapToPair(w -> new Tuple2<>(w.waiting().id(),
                            w.waiting())), where, name));
        } finally {
            walked.unpersist(false);
            tariffs.destroy();
        }
    }

    private static TariffSlots tariffsOf(EnmaData data, CompanyId company, Consumer<String> notes)
            throws IOException {
        boolean customers = data.exists(EnmaTable.customers());
        TariffSlots slots = TariffSlots.of(data.exists(EnmaTable.tariffs()) ? data.tariffRows(company)
                : java.util.Map.of());
        if (!slots.any()) {
            notes.accept("derive: company " + company + " has no tariffs loaded"
                    + (customers ? "" : " (nor customers)") + ": every measure stays unpriced; `enma load tariffs`"
                    + " and `enma load customers` give them their slots");
        }
        return slots;
    }

    /**
     * The {@code v} of each waiting contract's first measure, from the {@code va} of its last measure before {@code
     * rangeStart} (none: that measure has no {@code va}, or there is none within the look-back), looking back ever
     * further only for the contracts not yet found.
     */
    private static DeriveCounts firsts(EnmaData data, EnmaTable table, long rangeStart,
                                       JavaPairRDD<String, Measure> waiting, Endpoints where, String name)
            throws IOException {
        DeriveCounts counts = new DeriveCounts();
        JavaPairRDD<String, Measure> missing = waiting;
        long end = rangeStart;
        for (Duration back : LOOKBACK) {
            if (missing.isEmpty()) {
                return counts;
            }
            long start = rangeStart - back.toSeconds();
            JavaPairRDD<String, Measure> latest = data.measures(table, List.of(new TimeRange(start, end)), READING)
                    .mapToPair(m -> new Tuple2<>(m.id(), m))
                    .reduceByKey((a, b) -> a.timestamp() >= b.timestamp() ? a : b);
            counts.add(deriveFirsts(missing.join(latest).mapValues(found -> new Tuple2<>(found._1(),
                    found._2().text(MeasureColumns.VA).orElse(null))), where, name));
            missing = missing.subtractByKey(latest);
            end = start;
        }
        return counts.add(deriveFirsts(missing.mapValues(m -> new Tuple2<>(m, null)), where, name));
    }

    /** Derives each first measure from the reading found before it (its {@code va}, or null), on the executors. */
    private static DeriveCounts deriveFirsts(JavaPairRDD<String, Tuple2<Measure, String>> firsts, Endpoints where,
                                             String name) {
        return firsts.values().mapPartitions(partition -> {
            try (BufferedMutator out = SharedConnections.of(where).getBufferedMutator(TableName.valueOf(name))) {
                Deriver deriver = new Deriver(null, mutation -> write(out, mutation), m -> {
                    throw new IllegalStateException("a first measure with its reading waits for none");
                });
                partition.forEachRemaining(first -> deriver.derive(first._2(), first._1()));
                out.flush();
                return List.of(deriver.counts()).iterator();
            }
        }).fold(new DeriveCounts(), DeriveCounts::add);
    }

    static void write(BufferedMutator out, Mutation mutation) {
        try {
            out.mutate(mutation);
        } catch (IOException e) {
            throw new UncheckedIOException("writing derived fields to " + out.getName() + " failed: "
                    + e.getMessage(), e);
        }
    }
}

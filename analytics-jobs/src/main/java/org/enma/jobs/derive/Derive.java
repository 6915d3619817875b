package org.enma.jobs.derive;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.enma.config.Endpoints;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.TimeRange;
import org.enma.jobs.common.LocalHours;
import org.enma.schema.CompanyId;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;
import scala.Tuple2;

/**
 * {@code enma derive}: fills the platform-derived fields of a company's measures over months {@code from} … {@code
 * to} (docs/analytics.md § Platform-derived measure fields) — {@code v} from {@code va} differences with {@code calc = 1},
 * and the tariff slot fields. Each Spark partition writes its own changes. A contract's first measure takes its
 * previous reading from before the range, looked up in widening windows (two days, 40 days, 400 days) for just the
 * contracts that need one; a reading older than that is not looked for and the measure gets no {@code v}.
 *
 * <p>Only cells that change are written, so a rerun over the same inputs writes nothing and leaves the same cells.
 * Every contract-day of the range is recorded for the period rollup once pricing has read it (after pricing wrote,
 * before v is derived): a run killed before that leaves days unrecorded that its rerun records.
 */
public final class Derive {
    /** The cells pricing reads of each measure: the slot it may have to replace, and whether its v is derivable. */
    static final MeasureFields PRICING = new MeasureFields(false, List.of(MeasureColumns.V, MeasureColumns.VA,
            MeasureColumns.CALC, MeasureColumns.TIME_SLOT_NAME, MeasureColumns.ENERGY_COST, MeasureColumns.FLAT_RATE,
            MeasureColumns.PERIOD_KEY));
    /** The cells the derivation of v reads: what it derives from and what it may have to replace. */
    static final MeasureFields SERIES = new MeasureFields(false, List.of(MeasureColumns.V, MeasureColumns.VA,
            MeasureColumns.CALC));
    private static final MeasureFields READING = new MeasureFields(false, List.of(MeasureColumns.VA));
    private static final List<Duration> LOOKBACK = List.of(Duration.ofDays(2), Duration.ofDays(40),
            Duration.ofDays(400));

    private Derive() {
    }


    /** A measure's place: hashed by contract alone, so each contract lands in one partition, whole. */
    record ContractTime(String contractId, long timestamp) implements Serializable {
        static final Comparator<ContractTime> ORDER = (Comparator<ContractTime> & Serializable) (a, b) -> {
            int byContract = a.contractId.compareTo(b.contractId);
            return byContract != 0 ? byContract : Long.compare(a.timestamp, b.timestamp);
        };

        @Override
        public int hashCode() {
            return contractId.hashCode();
        }
    }

    /** What one partition's pricing did, the contracts it saw with a {@code v} to derive, and their days. */
    record Priced(DeriveCounts counts, Set<String> derivable, Set<ContractDay> days) implements Serializable {
    }

    /** What one partition's derivation did, and its contracts' first measures still waiting for an earlier reading. */
    record Derived(DeriveCounts counts, List<Measure> waiting) implements Serializable {
    }

    /**
     * Derives the fields of {@code table}'s measures of months {@code from} … {@code to}; {@code notes} takes what the
     * user should know (printed on stderr). Two passes: every measure is priced where it is read (no shuffle); then
     * only the contracts with a {@code v} to derive are read again and sorted by contract and time — most uploads
     * carry {@code v}, and sorting every measure would cost more than reading twice.
     */
    public static DeriveCounts run(EnmaData data, CompanyId company, EnmaTable table, Month from, Month to,
                                   Consumer<String> notes, Consumer<Set<ContractDay>> changedDays)
            throws IOException {
        String name = data.existing(table).getNameAsString();
        ContractTariffs tariffs = tariffsOf(data, company, notes);
        ZoneId zone = data.zone();
        Endpoints where = data.endpoints();
        List<TimeRange> range = List.of(TimeRange.ofMonths(from, to, zone));
        List<Priced> priced = data.measures(table, range, PRICING).mapPartitions(partition -> {
            try (BufferedMutator out = SharedConnections.of(where).getBufferedMutator(TableName.valueOf(name))) {
                Deriver deriver = new Deriver(tariffs, zone, mutation -> write(out, mutation));
                Set<String> derivable = new HashSet<>();
                Set<ContractDay> days = new HashSet<>();
                LocalHours hours = new LocalHours(zone);
                partition.forEachRemaining(m -> {
                    deriver.price(m);
                    days.add(new ContractDay(m.id(), hours.of(m.timestamp()).toLocalDate()));
                    if (Deriver.derivable(m)) {
                        derivable.add(m.id());
                    }
                });
                out.flush();
                return List.of(new Priced(deriver.counts(), derivable, days)).iterator();
            }
        }).collect();
        DeriveCounts counts = new DeriveCounts();
        // pricing reads every number cell of every measure in the range: what it skipped is what this run skipped
        counts.badCells(data.badCells());
        Set<String> derivable = new HashSet<>();
        Set<ContractDay> days = new HashSet<>();
        priced.forEach(p -> {
            counts.add(p.counts());
            derivable.addAll(p.derivable());
            days.addAll(p.days());
        });
        // every day of the range, whether this run changed it or an earlier, killed one did: the rollup redoes them
        changedDays.accept(days);
        if (!derivable.isEmpty()) {
            counts.add(deriveInstants(data, name, table, range, tariffs, derivable));
        }
        return counts;
    }

    /** {@code v} of the measures of {@code contracts}, each contract's series sorted in one partition. */
    private static DeriveCounts deriveInstants(EnmaData data, String name, EnmaTable table, List<TimeRange> range,
                                               ContractTariffs tariffs, Set<String> contracts) throws IOException {
        ZoneId zone = data.zone();
        Endpoints where = data.endpoints();
        Broadcast<Set<String>> wanted = new JavaSparkContext(data.spark().sparkContext()).broadcast(contracts);
        JavaRDD<Measure> series = data.measures(table, range, SERIES).filter(m -> wanted.value().contains(m.id()));
        List<Derived> derived = series
                .mapToPair(m -> new Tuple2<>(new ContractTime(m.id(), m.timestamp()), m))
                .repartitionAndSortWithinPartitions(new HashPartitioner(series.getNumPartitions()), ContractTime.ORDER)
                .mapPartitions(sorted -> {
                    try (BufferedMutator out = SharedConnections.of(where)
                            .getBufferedMutator(TableName.valueOf(name))) {
                        Deriver deriver = new Deriver(tariffs, zone, mutation -> write(out, mutation));
                        sorted.forEachRemaining(m -> deriver.follow(m._2()));
                        out.flush();
                        return List.of(new Derived(deriver.counts(), deriver.waiting())).iterator();
                    }
                }).collect();
        wanted.destroy();
        DeriveCounts counts = new DeriveCounts();
        List<Measure> waiting = new ArrayList<>();
        derived.forEach(d -> {
            counts.add(d.counts());
            waiting.addAll(d.waiting());
        });
        Map<String, String> previousReadings = previousReadings(data, table, range.get(0).fromSecond(), waiting);
        try (BufferedMutator out = data.hbase().getBufferedMutator(TableName.valueOf(name))) {
            Deriver firsts = new Deriver(tariffs, zone, mutation -> write(out, mutation));
            waiting.forEach(m -> firsts.derive(previousReadings.get(m.id()), m));
            out.flush();
            counts.add(firsts.counts());
        }
        return counts;
    }

    private static ContractTariffs tariffsOf(EnmaData data, CompanyId company, Consumer<String> notes)
            throws IOException {
        boolean customers = data.exists(EnmaTable.customers());
        boolean tariffs = data.exists(EnmaTable.tariffs());
        ContractTariffs slots = ContractTariffs.of(customers ? data.customerAttributes(company) : Map.of(),
                tariffs ? data.tariffRows(company) : Map.of());
        if (!slots.any()) {
            notes.accept("derive: company " + company + " has no tariffs loaded"
                    + (customers ? "" : " (nor customers)") + ": every measure stays unpriced; `enma load tariffs`"
                    + " and `enma load customers` give them their slots");
        }
        return slots;
    }

    /**
     * The {@code va} of each waiting contract's last measure before {@code rangeStart} (absent: that measure has no
     * {@code va}, or there is none within the look-back), looking back ever further only for the contracts not yet
     * found.
     */
    private static Map<String, String> previousReadings(EnmaData data, EnmaTable table, long rangeStart,
                                                        List<Measure> waiting) throws IOException {
        Set<String> missing = new HashSet<>();
        waiting.forEach(m -> missing.add(m.id()));
        Map<String, String> readings = new HashMap<>();
        long end = rangeStart;
        for (Duration back : LOOKBACK) {
            if (missing.isEmpty()) {
                break;
            }
            long start = rangeStart - back.toSeconds();
            Set<String> wanted = Set.copyOf(missing);
            Map<String, Measure> latest = data.measures(table, List.of(new TimeRange(start, end)), READING)
                    .filter(m -> wanted.contains(m.id()))
                    .mapToPair(m -> new Tuple2<>(m.id(), m))
                    .reduceByKey((a, b) -> a.timestamp() >= b.timestamp() ? a : b)
                    .collectAsMap();
            latest.forEach((contract, m) -> m.text(MeasureColumns.VA).ifPresent(va -> readings.put(contract, va)));
            missing.removeAll(latest.keySet());
            end = start;
        }
        return readings;
    }

    private static void write(BufferedMutator out, Mutation mutation) {
        try {
            out.mutate(mutation);
        } catch (IOException e) {
            throw new UncheckedIOException("writing derived fields to " + out.getName() + " failed: "
                    + e.getMessage(), e);
        }
    }
}

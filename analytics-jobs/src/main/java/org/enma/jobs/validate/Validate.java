package org.enma.jobs.validate;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.enma.config.Endpoints;
import org.enma.jobs.common.ContractTime;
import org.enma.jobs.derive.TariffSlots;
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
import scala.Tuple2;

/**
 * {@code enma validate}: judges a company's measures of some local days (docs/analytics.md § Validation and
 * estimation), estimates what can be, and writes the verdicts into the measure table and the trust table. One shuffle
 * brings each contract's measures together in time order behind its customer (tariff and power); each Spark task
 * validates its contracts one at a time ({@link ValidateWalk}) and writes its own cells. The days' context is read
 * with them: 29 days before (a spike's 28 days of history, the like days of an estimate) and 8 after (the bound of a
 * run that ends after the last day). The driver holds the days, the counts and the company's totals per day.
 */
public final class Validate {
    private static final MeasureFields FIELDS = new MeasureFields(false, List.of(MeasureColumns.V, MeasureColumns.VA,
            MeasureColumns.CALC, MeasureColumns.TIME_SLOT_NAME, MeasureColumns.ENERGY_COST, MeasureColumns.FLAT_RATE,
            MeasureColumns.PERIOD_KEY, MeasureColumns.EST, MeasureColumns.Q, MeasureColumns.RAW));
    private static final int DAYS_BEFORE = ContractCheck.HISTORY_DAYS + 1;
    private static final int DAYS_AFTER = 8;
    private static final String POWER = "power";

    private Validate() {
    }

    /** What the walk takes, in contract and time order: a contract's customer (first, if it has one), its measures. */
    record Step(String tariffId, Double power, Measure measure) implements Serializable {
    }

    /** What the walk hands on: a task's counts, its contracts' sums of a day, a contract-day it changed. */
    record Walked(ValidateCounts counts, TrustDay trust, ContractDay changed) implements Serializable {
    }

    /**
     * Validates {@code table}'s measures of local {@code days}; {@code changedDays} takes the contract-days whose
     * measures changed, as Spark data, to record for the rollup.
     */
    public static ValidateCounts run(EnmaData data, CompanyId company, EnmaTable table, SortedSet<LocalDate> days,
                                     Thresholds thresholds, long now, Consumer<JavaRDD<ContractDay>> changedDays)
            throws IOException {
        if (days.isEmpty()) {
            return new ValidateCounts();
        }
        String measuresName = data.existing(table).getNameAsString();
        String trustName;
        try (Admin admin = data.hbase().getAdmin()) {
            trustName = data.tableCreator(admin).ensure(EnmaTable.trustOf(table)).getNameAsString();
        }
        JavaSparkContext spark = new JavaSparkContext(data.spark().sparkContext());
        ZoneId zone = data.zone();
        Broadcast<TariffSlots> tariffs = spark.broadcast(TariffSlots.of(data.exists(EnmaTable.tariffs())
                ? data.tariffRows(company) : Map.of()));
        Broadcast<TreeSet<LocalDate>> judged = spark.broadcast(new TreeSet<>(days));
        Endpoints where = data.endpoints();
        TimeRange range = new TimeRange(days.first().minusDays(DAYS_BEFORE).atStartOfDay(zone).toEpochSecond() + 1,
                days.last().plusDays(DAYS_AFTER + 1).atStartOfDay(zone).toEpochSecond() + 1);
        JavaRDD<Measure> measures = data.measures(table, List.of(range), FIELDS);
        JavaPairRDD<ContractTime, Step> steps = measures.mapToPair(m -> new Tuple2<>(
                new ContractTime(m.id(), m.timestamp()), new Step(null, null, m)));
        if (data.exists(EnmaTable.customers())) {
            steps = steps.union(data.customerAttributes(company, List.of(CustomerColumns.TARIFF_ID, POWER))
                    .mapToPair(c -> new Tuple2<>(new ContractTime(c._1(), Long.MIN_VALUE),
                            new Step(c._2().get(CustomerColumns.TARIFF_ID), power(c._2().get(POWER)), null))));
        }
        HashPartitioner byContract = new HashPartitioner(Math.max(measures.getNumPartitions(),
                spark.defaultParallelism()));
        JavaRDD<Walked> walked = steps.repartitionAndSortWithinPartitions(byContract, ContractTime.ORDER)
                .mapPartitions(sorted -> {
                    BufferedMutator measuresOut = SharedConnections.of(where).getBufferedMutator(
                            TableName.valueOf(measuresName));
                    BufferedMutator trustOut = SharedConnections.of(where).getBufferedMutator(
                            TableName.valueOf(trustName));
                    return new ValidateWalk(sorted, tariffs.value(), judged.value(), zone, now, thresholds,
                            measuresOut, trustOut);
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ValidateCounts counts = walked.filter(w -> w.counts() != null).map(Walked::counts)
                    .fold(new ValidateCounts(), ValidateCounts::add);
            writeCompanyDays(data, trustName, walked.filter(w -> w.trust() != null)
                    .mapToPair(w -> new Tuple2<>(w.trust().day(), w.trust())).reduceByKey(TrustDay::plus)
                    .values().collect());
            changedDays.accept(walked.filter(w -> w.changed() != null).map(Walked::changed));
            return counts;
        } finally {
            walked.unpersist(false);
            tariffs.destroy();
            judged.destroy();
        }
    }

    /** The company's row of each day validated: the sums of its contracts', one per day. */
    private static void writeCompanyDays(EnmaData data, String trustName, List<TrustDay> days) throws IOException {
        long stamp = System.currentTimeMillis();
        List<org.apache.hadoop.hbase.client.Mutation> rows = new ArrayList<>();
        for (TrustDay day : days) {
            rows.add(day.olderRules(stamp));
            rows.add(day.put(stamp));
        }
        try (BufferedMutator out = data.hbase().getBufferedMutator(TableName.valueOf(trustName))) {
            out.mutate(rows);
        }
    }

    private static Double power(String text) {
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}

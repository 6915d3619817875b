package org.enma.jobs.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.enma.config.Endpoints;
import org.enma.schema.ContractDay;
import org.enma.store.MongoStore;
import org.enma.store.RollupPending;

/**
 * Records the contract-days a Spark job changed as pending for the rollup ({@link RollupPending}), from the executors
 * that hold them: the driver counts contracts per day (a number per day), records the days that have more than
 * {@code RollupPending}'s threshold whole, and each task records its share of the other days by contract, in bulk
 * writes of at most {@value #PER_WRITE} contract-days.
 */
public final class PendingDays {
    static final int PER_WRITE = 50_000;

    private PendingDays() {
    }

    /**
     * {@code days}: distinct contract-days of measure table {@code table} (its HBase name), recorded in each of {@code
     * collections} ({@link RollupPending#COLLECTION}, {@link RollupPending#VALIDATION}) in one pass over them.
     */
    public static void record(JavaRDD<ContractDay> days, Endpoints where, String table, List<String> collections) {
        Set<LocalDate> whole = new TreeSet<>();
        days.map(ContractDay::day).countByValue().forEach((day, contracts) -> {
            if (contracts > RollupPending.CONTRACTS_PER_DAY) {
                whole.add(day);
            }
        });
        collections.forEach(collection -> pending(where, collection).recordWhole(table, whole));
        days.filter(d -> !whole.contains(d.day())).foreachPartition(partition -> {
            List<RollupPending> pending = collections.stream().map(collection -> pending(where, collection)).toList();
            List<ContractDay> chunk = new ArrayList<>();
            while (partition.hasNext()) {
                chunk.add(partition.next());
                if (chunk.size() == PER_WRITE || !partition.hasNext()) {
                    pending.forEach(p -> p.record(table, chunk));
                    chunk.clear();
                }
            }
        });
    }

    private static RollupPending pending(Endpoints where, String collection) {
        return new RollupPending(MongoStore.shared(where.mongoUri(), where.mongoDatabase()).database(), collection);
    }
}

package org.enma.jobs.ot101;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.enma.jobs.JobContext;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.jobs.common.Usage;
import org.enma.jobs.ot101.PeerComparison.Comparison;
import org.enma.schema.Month;
import scala.Tuple2;

/**
 * OT101's comparison over a whole company as Spark data (OT103's too, for twelve months at once): each contract month
 * placed in its candidate groups, the groups' figures computed where the placements are ({@link GroupRanks}), each
 * contract's group chosen on the executor that gathers its placements — the most specific criterion whose group is
 * large enough — and compared there; a small company all in one task. Nothing per contract or per group reaches the
 * driver.
 */
public final class PeerGroups {
    /** The most placements (contract months × criteria) one task ranks. */
    static final long PLACEMENTS_PER_PARTITION = 100_000;

    private PeerGroups() {
    }

    /** A contract month and its comparison, or none when no criterion gives it a large enough group. */
    public record Compared(ContractMonth month, Comparison comparison) implements Serializable {
        public Optional<Comparison> found() {
            return Optional.ofNullable(comparison);
        }
    }

    /**
     * The contract months of {@code months} (each contract with data in it) from the contracts' {@code usage} of
     * those months, with the customer attributes the setup's criteria name, joined on the executors.
     */
    public static JavaRDD<ContractMonth> contractMonths(JobContext job, Ot101Setup setup, List<Month> months,
                                                        JavaPairRDD<String, MonthlyUsage> usage) throws IOException {
        Set<String> attributes = new LinkedHashSet<>();
        setup.criteria().forEach(attributes::addAll);
        return job.withCustomers(attributes, usage).flatMap(contract -> months.stream().flatMap(month -> {
            Optional<Usage> of = contract._2()._1().of(month);
            return of.stream().map(u -> ContractMonth.of(contract._1(), month, u, contract._2()._2()));
        }).iterator());
    }

    /**
     * Every one of {@code all} once, with its comparison or none. A company of up to {@value #PLACEMENTS_PER_PARTITION}
     * placements (contract months × criteria) is compared in one task, in memory ({@link PeerComparison#compareAll}):
     * its tasks cost next to nothing. A bigger one is ranked over as many partitions as that many placements each
     * take ({@link GroupRanks}), and each contract month's group chosen where its placements meet.
     */
    public static JavaRDD<Compared> compare(JavaRDD<ContractMonth> all, Ot101Setup setup) {
        return compare(all, setup, PLACEMENTS_PER_PARTITION);
    }

    /** {@code perPartition}: the most placements a partition takes (tests use few to rank small companies apart). */
    static JavaRDD<Compared> compare(JavaRDD<ContractMonth> all, Ot101Setup setup, long perPartition) {
        // counted, then compared: kept where the count left them rather than read, shuffled and joined again
        all.persist(StorageLevel.MEMORY_AND_DISK());
        long placings = all.count() * setup.criteria().size();
        int partitions = (int) Math.max(1, Math.min(all.getNumPartitions(),
                (placings + perPartition - 1) / perPartition));
        if (partitions == 1) {
            return all.coalesce(1).mapPartitions(months -> {
                List<ContractMonth> held = new ArrayList<>();
                months.forEachRemaining(held::add);
                return PeerComparison.compareAll(held, setup).iterator();
            });
        }
        JavaRDD<Placement> placements = all.flatMap(c -> PeerComparison.placements(c, setup).iterator());
        JavaPairRDD<Tuple2<String, Month>, Choice> candidates = GroupRanks.attach(placements, setup.efficientShare(),
                        partitions)
                .filter(placed -> PeerComparison.largeEnough(placed._2(), setup))
                .mapToPair(placed -> new Tuple2<>(keyOf(placed._1().contractId(), placed._1().group().month()),
                        Choice.of(placed._1().group().criterion(), placed._2())));
        return all.mapToPair(c -> new Tuple2<>(keyOf(c.contractId(), c.month()), Choice.of(c)))
                .union(candidates)
                .reduceByKey(Choice::better, partitions)
                .map(chosen -> chosen._2().compared(setup));
    }

    private static Tuple2<String, Month> keyOf(String contractId, Month month) {
        return new Tuple2<>(contractId, month);
    }

    /**
     * What is known of one contract month's comparison as its records meet: the contract month (once its own record
     * came), and the most specific large-enough group seen so far ({@code criterion} -1: none yet).
     */
    record Choice(ContractMonth month, int criterion, GroupStats group) implements Serializable {
        static Choice of(ContractMonth month) {
            return new Choice(new ContractMonth(month.contractId(), month.month(), month.units(), month.days(),
                    month.estimatedUnits(), Map.of()), -1, null);
        }

        static Choice of(int criterion, GroupStats group) {
            return new Choice(null, criterion, group);
        }

        Choice better(Choice other) {
            boolean mine = criterion >= 0 && (other.criterion < 0 || criterion < other.criterion);
            return new Choice(month != null ? month : other.month, mine ? criterion : other.criterion,
                    mine ? group : other.group);
        }

        Compared compared(Ot101Setup setup) {
            return new Compared(month, criterion < 0 ? null
                    : PeerComparison.comparison(month, setup.criteria().get(criterion), group));
        }
    }
}

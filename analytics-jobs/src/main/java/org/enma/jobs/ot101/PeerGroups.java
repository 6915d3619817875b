package org.enma.jobs.ot101;

import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
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
 * large enough — and compared there. Nothing per contract or per group reaches the driver.
 */
public final class PeerGroups {
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
        JavaPairRDD<String, Tuple2<MonthlyUsage, org.apache.spark.api.java.Optional<Map<String, String>>>> withCustomers
                = attributes.isEmpty() ? usage.mapValues(u -> new Tuple2<>(u, org.apache.spark.api.java.Optional.empty()))
                : usage.leftOuterJoin(job.customers(attributes, usage));
        return withCustomers.flatMap(contract -> months.stream().flatMap(month -> {
            Optional<Usage> of = contract._2()._1().of(month);
            return of.stream().map(u -> ContractMonth.of(contract._1(), month, u,
                    contract._2()._2().orElse(Map.of())));
        }).iterator());
    }

    /** Every one of {@code months} once, with its comparison or none. */
    public static JavaRDD<Compared> compare(JavaRDD<ContractMonth> months, Ot101Setup setup) {
        JavaRDD<Placement> placements = months.flatMap(c -> PeerComparison.placements(c, setup).iterator());
        JavaPairRDD<Tuple2<String, Month>, Choice> candidates = GroupRanks.attach(placements, setup.efficientShare(),
                        months.getNumPartitions())
                .filter(placed -> PeerComparison.largeEnough(placed._2(), setup))
                .mapToPair(placed -> new Tuple2<>(keyOf(placed._1().contractId(), placed._1().group().month()),
                        Choice.of(placed._1().group().criterion(), placed._2())));
        return months.mapToPair(c -> new Tuple2<>(keyOf(c.contractId(), c.month()), Choice.of(c)))
                .union(candidates)
                .reduceByKey(Choice::better)
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
                    Map.of()), -1, null);
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

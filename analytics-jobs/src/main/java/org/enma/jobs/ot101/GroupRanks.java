package org.enma.jobs.ot101;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import scala.Tuple2;

/**
 * Every peer group's figures, exact, computed without putting a group in one task — the whole company is a group, and
 * one postal code may hold a third of it — and handed back to each placement in the group. The placements are sorted
 * by (group, C, contractId) over range partitions, so a big group spans several partitions in rank order; then:
 * <ol>
 * <li>each partition reports its runs of a group: how many members, the sum of their C;</li>
 * <li>per group (a few runs, one per partition it spans): n, ΣC, k, the sum of the runs that lie wholly among the k
 *     lowest, and the run where the k-th lowest falls — at most one;</li>
 * <li>that run's partition sums its first members up to the k-th;</li>
 * <li>the group's figures go back to the partitions that hold its placements, and each partition hands every
 *     placement its group's figures as it walks them in order.</li>
 * </ol>
 * What travels per group is a few records; nothing per contract leaves the executors, and nothing reaches the driver
 * but the range partitioner's sample. Ties need no care: the k lowest are the same sum whichever of equal C are taken.
 */
final class GroupRanks {
    private GroupRanks() {
    }

    /** Each placement of a group that has members, with the group's figures. */
    static JavaPairRDD<Placement, GroupStats> attach(JavaRDD<Placement> placements, double efficientShare,
                                                     int partitions) {
        JavaRDD<Placement> sorted = placements.mapToPair(p -> new Tuple2<>(p, Boolean.TRUE))
                .sortByKey(Placement.ORDER, true, partitions).keys();
        ToPartition byIndex = new ToPartition(sorted.getNumPartitions());
        JavaPairRDD<GroupKey, Plan> plans = sorted.mapPartitionsWithIndex(GroupRanks::runs, true)
                .mapToPair(run -> run)
                .groupByKey()
                .mapValues(runs -> Plan.of(runs, efficientShare))
                .filter(group -> group._2().size() > 0);
        JavaPairRDD<At, Long> cuts = plans.filter(group -> group._2().cutPartition() >= 0)
                .mapToPair(group -> new Tuple2<>(new At(group._2().cutPartition(), group._1()), group._2().cutTake()))
                .repartitionAndSortWithinPartitions(byIndex, At.ORDER);
        JavaPairRDD<GroupKey, BigInteger> partials = sorted.zipPartitions(cuts,
                (FlatMapFunction2<Iterator<Placement>, Iterator<Tuple2<At, Long>>, Tuple2<GroupKey, BigInteger>>)
                        CutSums::new).mapToPair(sum -> sum);
        JavaPairRDD<At, GroupStats> figures = plans.leftOuterJoin(partials).flatMapToPair(group -> {
            Plan plan = group._2()._1();
            GroupStats stats = plan.stats(group._2()._2().orElse(BigInteger.ZERO));
            List<Tuple2<At, GroupStats>> copies = new ArrayList<>();
            plan.partitions().forEach(p -> copies.add(new Tuple2<>(new At(p, group._1()), stats)));
            return copies.iterator();
        }).repartitionAndSortWithinPartitions(byIndex, At.ORDER);
        return sorted.zipPartitions(figures,
                (FlatMapFunction2<Iterator<Placement>, Iterator<Tuple2<At, GroupStats>>, Tuple2<Placement, GroupStats>>)
                        Attached::new).mapToPair(placed -> placed);
    }

    /** One partition's runs of one group each: the partition, how many members, the sum of their C. */
    private static Iterator<Tuple2<GroupKey, Run>> runs(int partition, Iterator<Placement> sorted) {
        return new Iterator<>() {
            private Placement first = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return first != null;
            }

            @Override
            public Tuple2<GroupKey, Run> next() {
                if (first == null) {
                    throw new NoSuchElementException();
                }
                GroupKey group = first.group();
                long members = 0;
                BigInteger sum = BigInteger.ZERO;
                Placement p = first;
                first = null;
                while (p != null && p.group().equals(group)) {
                    if (p.member()) {
                        members++;
                        sum = sum.add(BigInteger.valueOf(p.units()));
                    }
                    p = sorted.hasNext() ? sorted.next() : null;
                }
                first = p;
                return new Tuple2<>(group, new Run(partition, members, sum));
            }
        };
    }

    /** A partition's run of a group's placements: how many are members and the sum of their C (nano-units). */
    record Run(int partition, long members, BigInteger sum) implements Serializable {
    }

    /**
     * Where a group's k lowest are, from its runs: n, ΣC, k, the sum of the runs wholly among the k lowest, and the run
     * the k-th falls inside ({@code cutPartition}, taking its first {@code cutTake} members; -1 when the k-th ends a
     * run), and every partition the group's placements are in.
     */
    record Plan(long size, BigInteger total, int k, BigInteger whole, int cutPartition, long cutTake,
                List<Integer> partitions) implements Serializable {
        static Plan of(Iterable<Run> runs, double efficientShare) {
            List<Run> ordered = new ArrayList<>();
            runs.forEach(ordered::add);
            ordered.sort(Comparator.comparingInt(Run::partition));
            long n = 0;
            BigInteger total = BigInteger.ZERO;
            for (Run run : ordered) {
                n += run.members();
                total = total.add(run.sum());
            }
            int k = GroupStats.efficientSize(n, efficientShare);
            BigInteger whole = BigInteger.ZERO;
            int cut = -1;
            long take = 0;
            long before = 0;
            for (Run run : ordered) {
                long left = k - before;
                if (left >= run.members()) {
                    whole = whole.add(run.sum());
                } else if (left > 0) {
                    cut = run.partition();
                    take = left;
                }
                before += run.members();
            }
            return new Plan(n, total, k, whole, cut, take, ordered.stream().map(Run::partition).toList());
        }

        /** The group's figures, given the sum of the cut run's first {@code cutTake} members. */
        GroupStats stats(BigInteger cutSum) {
            return GroupStats.of(size, total, k, whole.add(cutSum));
        }
    }

    /** A group's record bound for one partition of the sorted placements, sorted there by group. */
    record At(int partition, GroupKey group) implements Serializable {
        static final Comparator<At> ORDER = (Comparator<At> & Serializable) (a, b) ->
                GroupKey.ORDER.compare(a.group, b.group);
    }

    /** Sends an {@link At} to the partition it names. */
    static final class ToPartition extends Partitioner {
        private final int partitions;

        ToPartition(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return ((At) key).partition();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ToPartition p && p.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }

    /** An iterator that can look at its next element without taking it. */
    private static final class Peeking<T> {
        private final Iterator<T> all;
        private T next;

        Peeking(Iterator<T> all) {
            this.all = all;
        }

        T peek() {
            if (next == null && all.hasNext()) {
                next = all.next();
            }
            return next;
        }

        T take() {
            T taken = peek();
            next = null;
            return taken;
        }
    }

    /** Walks a sorted partition along its cuts: per cut, the sum of the group's first members up to the k-th. */
    private static final class CutSums implements Iterator<Tuple2<GroupKey, BigInteger>> {
        private final Peeking<Placement> placements;
        private final Iterator<Tuple2<At, Long>> cuts;

        CutSums(Iterator<Placement> placements, Iterator<Tuple2<At, Long>> cuts) {
            this.placements = new Peeking<>(placements);
            this.cuts = cuts;
        }

        @Override
        public boolean hasNext() {
            return cuts.hasNext();
        }

        @Override
        public Tuple2<GroupKey, BigInteger> next() {
            Tuple2<At, Long> cut = cuts.next();
            GroupKey group = cut._1().group();
            while (GroupKey.ORDER.compare(placements.peek().group(), group) < 0) {
                placements.take();
            }
            BigInteger sum = BigInteger.ZERO;
            for (long taken = 0; taken < cut._2(); ) {
                Placement p = placements.take();
                if (p.member()) {
                    sum = sum.add(BigInteger.valueOf(p.units()));
                    taken++;
                }
            }
            return new Tuple2<>(group, sum);
        }
    }

    /** Walks a sorted partition along its groups' figures: each placement with its group's. */
    private static final class Attached implements Iterator<Tuple2<Placement, GroupStats>> {
        private final Iterator<Placement> placements;
        private final Peeking<Tuple2<At, GroupStats>> figures;
        private Tuple2<Placement, GroupStats> next;

        Attached(Iterator<Placement> placements, Iterator<Tuple2<At, GroupStats>> figures) {
            this.placements = placements;
            this.figures = new Peeking<>(figures);
        }

        @Override
        public boolean hasNext() {
            while (next == null && placements.hasNext()) {
                Placement p = placements.next();
                while (figures.peek() != null && GroupKey.ORDER.compare(figures.peek()._1().group(), p.group()) < 0) {
                    figures.take();
                }
                Tuple2<At, GroupStats> group = figures.peek();
                // a group of partial months only has no figures: its placements are compared with nothing
                if (group != null && group._1().group().equals(p.group())) {
                    next = new Tuple2<>(p, group._2());
                }
            }
            return next != null;
        }

        @Override
        public Tuple2<Placement, GroupStats> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Tuple2<Placement, GroupStats> taken = next;
            next = null;
            return taken;
        }
    }
}

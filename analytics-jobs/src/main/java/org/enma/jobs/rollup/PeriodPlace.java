package org.enma.jobs.rollup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.spark.Partitioner;
import org.enma.schema.PeriodKey;

/**
 * A reading's place in the rollup's shuffle: its contract's period-table key prefix ({@code <salt>~<contractId>~})
 * and its time. Sorted by the prefix's bytes, then time, a task's contracts come in the period table's own key order,
 * each whole and in time order, so the task can write its rows straight into HFiles; partitioned by salt, a task's
 * rows belong to one of the table's pre-split regions.
 */
record PeriodPlace(byte[] contractKey, long timestamp) implements Serializable {
    static final Comparator<PeriodPlace> ORDER = (Comparator<PeriodPlace> & Serializable) (a, b) -> {
        int byContract = Arrays.compareUnsigned(a.contractKey, b.contractKey);
        return byContract != 0 ? byContract : Long.compare(a.timestamp, b.timestamp);
    };

    static PeriodPlace of(String contractId, long timestamp) {
        return new PeriodPlace(PeriodKey.contractPrefix(contractId), timestamp);
    }

    boolean sameContract(PeriodPlace other) {
        return Arrays.equals(contractKey, other.contractKey);
    }

    String contractId() {
        return PeriodKey.contractOfPrefix(contractKey);
    }

    /**
     * {@code perSalt} partitions for each salt, a contract in one of its salt's by hash: partition numbers rise with
     * the salt, so a partition's rows fall in one region of a table pre-split on the salts.
     */
    static final class BySalt extends Partitioner {
        private final int perSalt;

        BySalt(int perSalt) {
            this.perSalt = perSalt;
        }

        /** Enough partitions per salt for at least {@code tasks} tasks in all. */
        static BySalt atLeast(int tasks) {
            return new BySalt(Math.max(1, (tasks + PeriodKey.SALTS - 1) / PeriodKey.SALTS));
        }

        @Override
        public int numPartitions() {
            return PeriodKey.SALTS * perSalt;
        }

        @Override
        public int getPartition(Object key) {
            byte[] contract = ((PeriodPlace) key).contractKey;
            int salt = PeriodKey.saltOf(contract);
            return salt * perSalt + Math.floorMod(Arrays.hashCode(contract), perSalt);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BySalt s && s.perSalt == perSalt;
        }

        @Override
        public int hashCode() {
            return perSalt;
        }
    }
}

package org.enma.jobs.validate;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.Family;
import org.enma.schema.TrustColumns;
import org.enma.schema.TrustKey;

/**
 * A trust-table row: what validation found of a contract's local day (docs/data-model.md § Trust tables), or, summed
 * over contracts ({@link #plus}), of the company's day.
 */
record TrustDay(String contractId, LocalDate day, int interval, int expected, int actual, int estimated, int suspect,
                int contracts, Map<Rule, Integer> rules) implements Serializable {
    private static final byte[] T = Family.T.bytes();
    private static final byte[] R = Family.R.bytes();

    TrustDay {
        rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
    }

    /** {@code expected − actual − estimated}, never below 0 (a day whose interval changed may have more). */
    int missing() {
        return Math.max(0, expected - actual - estimated);
    }

    /** This contract's share of its company's day. */
    TrustDay companyPart() {
        return new TrustDay("", day, interval, expected, actual, estimated, suspect, contracts, rules);
    }

    /** The company's day: the sum of two contracts' (or partial sums'), the interval kept only where all agree. */
    TrustDay plus(TrustDay other) {
        Map<Rule, Integer> summed = new EnumMap<>(Rule.class);
        summed.putAll(rules);
        other.rules.forEach((rule, n) -> summed.merge(rule, n, Integer::sum));
        return new TrustDay("", day, interval == other.interval ? interval : 0, expected + other.expected,
                actual + other.actual, estimated + other.estimated, suspect + other.suspect,
                contracts + other.contracts, summed);
    }

    /**
     * The row's cells, stamped {@code stamp}, and a delete of every {@code r} cell older than them: a rule that fired
     * on an earlier run and no longer does leaves nothing behind.
     */
    Put put(long stamp) {
        TrustKey key = contractId.isEmpty() ? TrustKey.companyTotal(day) : new TrustKey(contractId, day);
        Put put = new Put(key.encode());
        add(put, stamp, TrustColumns.INTERVAL, interval);
        add(put, stamp, TrustColumns.EXPECTED, expected);
        add(put, stamp, TrustColumns.ACTUAL, actual);
        add(put, stamp, TrustColumns.ESTIMATED, estimated);
        add(put, stamp, TrustColumns.SUSPECT, suspect);
        add(put, stamp, TrustColumns.MISSING, missing());
        if (contractId.isEmpty()) {
            add(put, stamp, TrustColumns.CONTRACTS, contracts);
        }
        rules.forEach((rule, n) -> put.addColumn(R, bytes(rule.qualifier()), stamp, bytes(Integer.toString(n))));
        return put;
    }

    Delete olderRules(long stamp) {
        TrustKey key = contractId.isEmpty() ? TrustKey.companyTotal(day) : new TrustKey(contractId, day);
        return new Delete(key.encode()).addFamily(R, stamp - 1);
    }

    private static void add(Put put, long stamp, String qualifier, int value) {
        put.addColumn(T, bytes(qualifier), stamp, bytes(Integer.toString(value)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

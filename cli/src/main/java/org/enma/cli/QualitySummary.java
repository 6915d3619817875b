package org.enma.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.enma.jobs.validate.Rule;
import org.enma.schema.TrustColumns;
import org.enma.store.TrustReader;

/**
 * A company's data quality over some days, from its contracts' trust rows: per rule the contracts, the contract-days
 * and the measures it flagged, and the counters summed. What {@code enma quality} and the demo print.
 */
final class QualitySummary {
    /** A rule's reach: distinct contracts, contract-days and measures it flagged. */
    record Reach(int contracts, long days, long measures) {
    }

    private final Map<String, Set<String>> contractsByRule = new TreeMap<>();
    private final Map<String, long[]> daysAndMeasuresByRule = new TreeMap<>();
    private final Set<String> contracts = new HashSet<>();
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private long days;

    QualitySummary() {
        for (String counter : new String[] {TrustColumns.EXPECTED, TrustColumns.ACTUAL, TrustColumns.ESTIMATED,
                TrustColumns.SUSPECT, TrustColumns.MISSING}) {
            totals.put(counter, 0L);
        }
    }

    void add(TrustReader.Day day) {
        days++;
        contracts.add(day.contractId());
        totals.replaceAll((counter, sum) -> sum + Long.parseLong(day.counters().getOrDefault(counter, "0")));
        day.rules().forEach((rule, count) -> {
            contractsByRule.computeIfAbsent(rule, r -> new HashSet<>()).add(day.contractId());
            long[] reach = daysAndMeasuresByRule.computeIfAbsent(rule, r -> new long[2]);
            reach[0]++;
            reach[1] += Long.parseLong(count);
        });
    }

    long days() {
        return days;
    }

    int contracts() {
        return contracts.size();
    }

    /** The counters summed: expected, actual, estimated, suspect, missing. */
    Map<String, Long> totals() {
        return totals;
    }

    /** Each rule that fired, in the rules' order (ANALYTICS.md), then any other the table holds. */
    Map<String, Reach> rules() {
        Map<String, Reach> rules = new LinkedHashMap<>();
        for (Rule rule : Rule.values()) {
            reach(rule.qualifier()).ifPresent(r -> rules.put(rule.qualifier(), r));
        }
        daysAndMeasuresByRule.keySet().forEach(name -> rules.computeIfAbsent(name, n -> reach(n).orElseThrow()));
        return rules;
    }

    private java.util.Optional<Reach> reach(String rule) {
        long[] reach = daysAndMeasuresByRule.get(rule);
        return reach == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Reach(contractsByRule.get(rule).size(), reach[0], reach[1]));
    }

    /** The share of estimates among the measures with a usable value, 0 when there is none. */
    double estimatedShare() {
        long usable = totals.get(TrustColumns.ACTUAL) + totals.get(TrustColumns.ESTIMATED);
        return usable == 0 ? 0 : (double) totals.get(TrustColumns.ESTIMATED) / usable;
    }
}

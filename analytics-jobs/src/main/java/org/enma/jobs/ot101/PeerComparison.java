package org.enma.jobs.ot101;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.Decimals;

/**
 * OT101's formula (docs/analytics.md), as plain Java over one company's month: peer groups per criterion, the group each
 * contract is compared with, and its averages. No Spark here: the job feeds it the contract months it computed.
 */
public final class PeerComparison {
    private final Ot101Setup setup;
    /** Per criterion: group key (attribute values) → group statistics. */
    private final List<Map<List<String>, GroupStats>> groups = new ArrayList<>();

    public PeerComparison(Ot101Setup setup, List<ContractMonth> company) {
        this.setup = setup;
        for (List<String> criterion : setup.criteria()) {
            Map<List<String>, List<ContractMonth>> members = new HashMap<>();
            for (ContractMonth c : company) {
                if (c.complete()) {
                    valuesOf(c, criterion).ifPresent(key -> members.computeIfAbsent(key, k -> new ArrayList<>()).add(c));
                }
            }
            Map<List<String>, GroupStats> stats = new HashMap<>();
            members.forEach((key, group) -> stats.put(key, GroupStats.of(group, setup.efficientShare())));
            groups.add(stats);
        }
    }

    /** The rounded result for {@code c}, or empty when no criterion gives it a large enough group. */
    public Optional<Ot101Figures> compare(ContractMonth c) {
        return comparison(c).map(Comparison::rounded);
    }

    /** The unrounded comparison of {@code c}, or empty when no criterion gives it a large enough group. */
    public Optional<Comparison> comparison(ContractMonth c) {
        if (c.days() < 1) {
            return Optional.empty();
        }
        for (int i = 0; i < setup.criteria().size(); i++) {
            List<String> criterion = setup.criteria().get(i);
            Optional<List<String>> key = valuesOf(c, criterion);
            if (key.isEmpty()) {
                continue;
            }
            GroupStats group = groups.get(i).get(key.get());
            if (group != null && group.size() >= setup.minGroupSize()) {
                return Optional.of(comparisonOf(c, criterion, group));
            }
        }
        return Optional.empty();
    }

    private static Comparison comparisonOf(ContractMonth c, List<String> criterion, GroupStats group) {
        double scale = c.complete() ? 1 : (double) c.days() / c.daysInMonth();
        return new Comparison(c.consumption(), c.days(), group.mean() * scale, group.efficientMean() * scale,
                group.size(), group.efficientSize(), criterion.isEmpty() ? "companyId" : String.join(" + ", criterion));
    }

    private static Optional<List<String>> valuesOf(ContractMonth c, List<String> criterion) {
        List<String> values = new ArrayList<>(criterion.size());
        for (String attribute : criterion) {
            Optional<String> value = c.attribute(attribute);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    /** One contract against its group, in full precision (OT103 sums these before rounding). */
    public record Comparison(double consumption, int days, double average, double efficientAverage, int size,
                             int efficientSize, String criteria) {
        public Ot101Figures rounded() {
            return new Ot101Figures(Decimals.round2(consumption), days, Decimals.round2(average),
                    Decimals.round2(efficientAverage), Decimals.round2(Decimals.percentDiff(consumption, average)),
                    Decimals.round2(Decimals.percentDiff(consumption, efficientAverage)), size, efficientSize,
                    criteria);
        }
    }

    /** n, the mean of C, k = max(1, ceil(n × share)) and the mean of C over the k lowest (ties by contractId). */
    record GroupStats(int size, double mean, int efficientSize, double efficientMean) {
        static GroupStats of(List<ContractMonth> group, double efficientShare) {
            List<ContractMonth> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingDouble(ContractMonth::consumption)
                    .thenComparing(ContractMonth::contractId));
            int n = sorted.size();
            int k = Math.max(1, (int) Math.ceil(n * efficientShare));
            double total = 0;
            double efficientTotal = 0;
            for (int i = 0; i < n; i++) {
                total += sorted.get(i).consumption();
                if (i < k) {
                    efficientTotal += sorted.get(i).consumption();
                }
            }
            return new GroupStats(n, total / n, k, efficientTotal / k);
        }
    }
}

package org.enma.jobs.ot101;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.Decimals;

/**
 * OT101's formula (docs/analytics.md), as plain Java: the groups a contract month can be compared with (one per
 * criterion for which it has every attribute), its comparison with a group's figures, and the whole computation over
 * a few contract months held in memory ({@link #compareAll}: what one Spark task does for a small company). No Spark
 * here: {@link PeerGroups} runs it, or its distributed equivalent for big companies.
 */
public final class PeerComparison {
    private PeerComparison() {
    }

    /** Where {@code c} is placed: one per criterion for which it has every attribute, most specific first. */
    public static List<Placement> placements(ContractMonth c, Ot101Setup setup) {
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < setup.criteria().size(); i++) {
            int criterion = i;
            valuesOf(c, setup.criteria().get(i)).ifPresent(values -> placements.add(new Placement(
                    new GroupKey(c.month(), criterion, values), c.contractId(), c.units(), c.days(),
                    c.complete() && c.estimatedShare() <= setup.maxEstimatedShare())));
        }
        return placements;
    }

    /**
     * Each of {@code months} compared with its group — the most specific criterion whose group has at least {@code
     * minGroupSize} members — or with none: peer groups of complete months, their sums exact, the efficient customers
     * the k lowest C (ties by contractId, which leaves the sum as it is).
     */
    public static List<PeerGroups.Compared> compareAll(Collection<ContractMonth> months, Ot101Setup setup) {
        Map<GroupKey, List<Placement>> members = new HashMap<>();
        for (ContractMonth c : months) {
            for (Placement p : placements(c, setup)) {
                if (p.member()) {
                    members.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<GroupKey, GroupStats> groups = new HashMap<>();
        members.forEach((group, of) -> {
            of.sort(Placement.ORDER);
            int k = GroupStats.efficientSize(of.size(), setup.efficientShare());
            BigInteger total = BigInteger.ZERO;
            BigInteger efficient = BigInteger.ZERO;
            for (int i = 0; i < of.size(); i++) {
                total = total.add(BigInteger.valueOf(of.get(i).units()));
                if (i < k) {
                    efficient = efficient.add(BigInteger.valueOf(of.get(i).units()));
                }
            }
            groups.put(group, GroupStats.of(of.size(), total, k, efficient));
        });
        List<PeerGroups.Compared> compared = new ArrayList<>(months.size());
        for (ContractMonth c : months) {
            Comparison found = null;
            for (Placement p : placements(c, setup)) {
                GroupStats group = groups.get(p.group());
                if (group != null && largeEnough(group, setup)) {
                    found = comparison(c, setup.criteria().get(p.group().criterion()), group);
                    break;
                }
            }
            compared.add(new PeerGroups.Compared(c, found));
        }
        return compared;
    }

    /** Whether {@code group} may be {@code c}'s: it has at least {@code minGroupSize} members. */
    public static boolean largeEnough(GroupStats group, Ot101Setup setup) {
        return group.size() >= setup.minGroupSize();
    }

    /** {@code c} against its group; averages scaled by days(c, M) / daysInMonth(M) when c's month is partial. */
    public static Comparison comparison(ContractMonth c, List<String> criterion, GroupStats group) {
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
                             int efficientSize, String criteria) implements Serializable {
        public Ot101Figures rounded() {
            return new Ot101Figures(Decimals.round2(consumption), days, Decimals.round2(average),
                    Decimals.round2(efficientAverage), Decimals.round2(Decimals.percentDiff(consumption, average)),
                    Decimals.round2(Decimals.percentDiff(consumption, efficientAverage)), size, efficientSize,
                    criteria);
        }
    }
}

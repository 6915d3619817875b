package org.enma.jobs.ot101;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.Decimals;

/**
 * OT101's formula (docs/analytics.md), as plain Java over one contract month: the groups it can be compared with
 * (one per criterion for which it has every attribute), and its comparison with a group's figures. No Spark here:
 * {@link PeerGroups} computes the groups' figures and picks each contract's group.
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
                    new GroupKey(c.month(), criterion, values), c.contractId(), c.units(), c.days(), c.complete())));
        }
        return placements;
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

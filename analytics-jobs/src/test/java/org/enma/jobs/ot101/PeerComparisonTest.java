package org.enma.jobs.ot101;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.ExactSum;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;

/**
 * OT101's plain-Java parts, by hand: where a contract month is placed, a group's figures from its sums, and a
 * contract against its group (July 2013, 31 days). PeerGroupsIT runs the whole comparison on Spark.
 */
class PeerComparisonTest {
    private static final Month JULY = Month.of(2013, 7);
    private static final Ot101Setup SETUP = new Ot101Setup(
            List.of(List.of("postalCode", "tariffId"), List.of("postalCode"), List.of()), 3, 0.25);

    private static ContractMonth c(String id, double consumption, int days, Map<String, String> attributes) {
        return new ContractMonth(id, JULY, ExactSum.units(consumption), days, attributes);
    }

    @Test
    void aContractIsPlacedInTheGroupOfEveryCriterionItHasTheAttributesOf() {
        ContractMonth full = c("A", 100, 31, Map.of("postalCode", "08001", "tariffId", "T1"));
        assertThat(PeerComparison.placements(full, SETUP)).containsExactly(
                new Placement(new GroupKey(JULY, 0, List.of("08001", "T1")), "A", 100_000_000_000L, 31, true),
                new Placement(new GroupKey(JULY, 1, List.of("08001")), "A", 100_000_000_000L, 31, true),
                new Placement(new GroupKey(JULY, 2, List.of()), "A", 100_000_000_000L, 31, true));
        // no tariffId, and a partial month: compared with its groups, no member of them
        ContractMonth partial = c("B", 62, 15, Map.of("postalCode", "08001"));
        assertThat(PeerComparison.placements(partial, SETUP)).containsExactly(
                new Placement(new GroupKey(JULY, 1, List.of("08001")), "B", 62_000_000_000L, 15, false),
                new Placement(new GroupKey(JULY, 2, List.of()), "B", 62_000_000_000L, 15, false));
        // an empty attribute is no attribute
        assertThat(PeerComparison.placements(c("X", 1, 31, Map.of("postalCode", "")), SETUP))
                .extracting(p -> p.group().criterion()).containsExactly(2);
    }

    @Test
    void aGroupsFiguresFromItsExactSums() {
        // n = 7, ΣC = 940 kWh → mean 134.2857…; k = ceil(7 × 0.25) = 2 lowest, 50 + 80 = 130 → 65
        GroupStats stats = GroupStats.of(7, kWh(940), GroupStats.efficientSize(7, 0.25), kWh(130));
        assertThat(stats).isEqualTo(new GroupStats(7, 940.0 / 7, 2, 65));
        // k is at least 1, and ceil: 5 × 0.25 = 1.25 → 2; 4 × 0.25 = 1
        assertThat(GroupStats.efficientSize(1, 0.25)).isEqualTo(1);
        assertThat(GroupStats.efficientSize(5, 0.25)).isEqualTo(2);
        assertThat(GroupStats.efficientSize(4, 0.25)).isEqualTo(1);
    }

    @Test
    void aCompleteMonthAgainstItsGroup() {
        // mean 200, efficient 100: (100 − 200)/200 = −50 %, (100 − 100)/100 = 0 %
        assertThat(PeerComparison.comparison(c("A1", 100, 31, Map.of()), List.of("postalCode", "tariffId"),
                new GroupStats(3, 200, 1, 100)).rounded())
                .isEqualTo(new Ot101Figures(100, 31, 200, 100, -50, 0, 3, 1, "postalCode + tariffId"));
    }

    @Test
    void aPartialMonthScalesBothAverages() {
        // 15 of 31 days; average 200 × 15/31 = 96.774… → 96.77; eff 100 × 15/31 = 48.387… → 48.39
        // diff = 62 / 96.774… − 1 = 1922/3000 − 1 = −35.933…%; eff: 1922/1500 − 1 = +28.133…%
        assertThat(PeerComparison.comparison(c("A5", 62, 15, Map.of()), List.of("postalCode", "tariffId"),
                new GroupStats(3, 200, 1, 100)).rounded())
                .isEqualTo(new Ot101Figures(62, 15, 96.77, 48.39, -35.93, 28.13, 3, 1, "postalCode + tariffId"));
    }

    @Test
    void theWholeCompanyIsCalledCompanyIdAndAZeroReferenceGivesZeroDiff() {
        // averages 0 × 10/31 = 0 → diff(5, 0) = 0 by definition
        assertThat(PeerComparison.comparison(c("I4", 5, 10, Map.of()), List.of(), new GroupStats(3, 0, 1, 0))
                .rounded()).isEqualTo(new Ot101Figures(5, 10, 0, 0, 0, 0, 3, 1, "companyId"));
    }

    @Test
    void aGroupIsLargeEnoughFromMinGroupSizeMembers() {
        assertThat(PeerComparison.largeEnough(new GroupStats(3, 1, 1, 1), SETUP)).isTrue();
        assertThat(PeerComparison.largeEnough(new GroupStats(2, 1, 1, 1), SETUP)).isFalse();
    }

    private static BigInteger kWh(long kWh) {
        return BigInteger.valueOf(kWh).multiply(BigInteger.valueOf(1_000_000_000L));
    }
}

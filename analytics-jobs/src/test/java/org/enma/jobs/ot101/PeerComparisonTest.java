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
    void aMonthMadeUpOfTooManyEstimatesIsComparedButJoinsNoGroup() {
        // 31 complete days; 30 of 100 kWh estimated: share 0.3 above the default 0.2
        ContractMonth estimated = new ContractMonth("E", JULY, ExactSum.units(100), 31, ExactSum.units(30),
                Map.of("postalCode", "08001"));
        assertThat(estimated.estimatedShare()).isEqualTo(0.3);
        assertThat(PeerComparison.placements(estimated, SETUP)).extracting(Placement::member).containsOnly(false);
        // at most 0.3 admitted: a member
        Ot101Setup lenient = new Ot101Setup(SETUP.criteria(), 3, 0.25, 0.3);
        assertThat(PeerComparison.placements(estimated, lenient)).extracting(Placement::member).containsOnly(true);
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

    @Test
    void aCompanyInMemory() {
        List<ContractMonth> company = List.of(
                c("A1", 100, 31, Map.of("postalCode", "08001", "tariffId", "T1")),
                c("A2", 200, 31, Map.of("postalCode", "08001", "tariffId", "T1")),
                c("A3", 300, 31, Map.of("postalCode", "08001", "tariffId", "T1")),
                c("A4", 50, 31, Map.of("postalCode", "08001", "tariffId", "T2")),
                c("A5", 62, 15, Map.of("postalCode", "08001", "tariffId", "T1")),   // partial: not a member
                c("B1", 80, 31, Map.of("postalCode", "08002", "tariffId", "T1")),
                c("B2", 120, 31, Map.of("postalCode", "08002")));
        Map<String, Ot101Figures> figures = new java.util.HashMap<>();
        PeerComparison.compareAll(company, SETUP).forEach(x -> figures.put(x.month().contractId(),
                x.found().orElseThrow().rounded()));
        // (08001, T1) members A1, A2, A3: n 3, mean 200; k = max(1, ceil(0.75)) = 1 → 100
        assertThat(figures.get("A1")).isEqualTo(new Ot101Figures(100, 31, 200, 100, -50, 0, 3, 1,
                "postalCode + tariffId"));
        assertThat(figures.get("A5")).isEqualTo(new Ot101Figures(62, 15, 96.77, 48.39, -35.93, 28.13, 3, 1,
                "postalCode + tariffId"));
        // A4: (08001, T2) has 1 member < 3 → (08001): A1..A4, n 4, mean 650/4 = 162.5, k 1 → 50
        assertThat(figures.get("A4")).isEqualTo(new Ot101Figures(50, 31, 162.5, 50, -69.23, 0, 4, 1, "postalCode"));
        // (08002, T1) and (08002) have fewer than 3 → whole company: complete months A1 A2 A3 A4 B1 B2, n 6,
        // Σ 850 → 141.666…; k = ceil(1.5) = 2: A4 50, B1 80 → 65; B1: 80/141.666… − 1 = −43.529…%
        assertThat(figures.get("B1")).isEqualTo(new Ot101Figures(80, 31, 141.67, 65, -43.53, 23.08, 6, 2,
                "companyId"));
        // with a minGroupSize of 7 no group is large enough: none compared
        assertThat(PeerComparison.compareAll(company, new Ot101Setup(SETUP.criteria(), 7, 0.25)))
                .allMatch(x -> x.found().isEmpty()).hasSize(7);
    }

    private static BigInteger kWh(long kWh) {
        return BigInteger.valueOf(kWh).multiply(BigInteger.valueOf(1_000_000_000L));
    }
}

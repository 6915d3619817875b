package org.enma.jobs.ot101;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.enma.jobs.common.ContractMonth;
import org.junit.jupiter.api.Test;

/**
 * OT101 on a company small enough to work out by hand (July 2013, 31 days; minGroupSize 3; efficientShare 0.25;
 * criteria [postalCode, tariffId], [postalCode], []). The arithmetic of each expected value is in the comments.
 */
class PeerComparisonTest {
    private static final Ot101Setup SETUP = new Ot101Setup(
            List.of(List.of("postalCode", "tariffId"), List.of("postalCode"), List.of()), 3, 0.25);

    private static ContractMonth c(String id, double consumption, int days, String postalCode, String tariffId) {
        Map<String, String> attributes = new HashMap<>();
        if (postalCode != null) {
            attributes.put("postalCode", postalCode);
        }
        if (tariffId != null) {
            attributes.put("tariffId", tariffId);
        }
        return new ContractMonth(id, consumption, days, 31, attributes);
    }

    private static final List<ContractMonth> COMPANY = List.of(
            c("A1", 100, 31, "08001", "T1"),
            c("A2", 200, 31, "08001", "T1"),
            c("A3", 300, 31, "08001", "T1"),
            c("A4", 50, 31, "08001", "T2"),
            c("A5", 62, 15, "08001", "T1"),   // partial month: not a member, compared with scaled averages
            c("B1", 80, 31, "08002", "T1"),
            c("B2", 120, 31, "08002", null),  // no tariffId
            c("X", 90, 31, null, "T1"),       // no postalCode
            c("Z", 0, 0, "08001", "T1"));     // no data this month

    private final PeerComparison ot101 = new PeerComparison(SETUP, COMPANY);

    @Test
    void mostSpecificGroupWhenLargeEnough() {
        // (08001, T1) members A1, A2, A3: n = 3, mean 600/3 = 200; k = max(1, ceil(0.75)) = 1 → eff = 100
        assertThat(ot101.compare(COMPANY.get(0))).contains(new Ot101Figures(100, 31, 200, 100, -50, 0, 3, 1,
                "postalCode + tariffId"));
    }

    @Test
    void partialMonthScalesBothAverages() {
        // A5: 15 of 31 days; average 200 × 15/31 = 96.774… → 96.77; eff 100 × 15/31 = 48.387… → 48.39
        // diff = 62 / 96.774… − 1 = 1922/3000 − 1 = −35.933…%; eff: 1922/1500 − 1 = +28.133…%
        assertThat(ot101.compare(COMPANY.get(4))).contains(new Ot101Figures(62, 15, 96.77, 48.39, -35.93, 28.13, 3, 1,
                "postalCode + tariffId"));
    }

    @Test
    void fallsBackToTheNextCriterion() {
        // A4: (08001, T2) has 1 member < 3 → (08001): A1..A4, n = 4, mean 650/4 = 162.5; k = ceil(1) = 1 → eff 50
        // diff = (50 − 162.5) / 162.5 = −69.230…%
        assertThat(ot101.compare(COMPANY.get(3))).contains(new Ot101Figures(50, 31, 162.5, 50, -69.23, 0, 4, 1,
                "postalCode"));
    }

    @Test
    void fallsThroughToTheWholeCompany() {
        // whole company, complete months: A1 A2 A3 A4 B1 B2 X, n = 7, Σ = 940, mean 134.2857… → 134.29
        // k = ceil(7 × 0.25) = 2: the two lowest are A4 (50) and B1 (80) → eff 65
        // B1: (80 − 134.2857)/134.2857 = 560/940 − 1 = −40.425…%; (80 − 65)/65 = +23.076…%
        assertThat(ot101.compare(COMPANY.get(5))).contains(new Ot101Figures(80, 31, 134.29, 65, -40.43, 23.08, 7, 2,
                "companyId"));
        // B2 lacks tariffId, (08002) has only B1 and B2: 840/940 − 1 = −10.638…%; 120/65 − 1 = +84.615…%
        assertThat(ot101.compare(COMPANY.get(6))).contains(new Ot101Figures(120, 31, 134.29, 65, -10.64, 84.62, 7, 2,
                "companyId"));
        // X lacks postalCode: 630/940 − 1 = −32.978…%; 90/65 − 1 = +38.461…%
        assertThat(ot101.compare(COMPANY.get(7))).contains(new Ot101Figures(90, 31, 134.29, 65, -32.98, 38.46, 7, 2,
                "companyId"));
    }

    @Test
    void noDataOrNoLargeEnoughGroupGivesNoResult() {
        assertThat(ot101.compare(COMPANY.get(8))).isEmpty();
        PeerComparison strict = new PeerComparison(new Ot101Setup(SETUP.criteria(), 8, 0.25), COMPANY);
        assertThat(strict.compare(COMPANY.get(0))).isEmpty();
    }

    @Test
    void zeroReferenceGivesZeroDiff() {
        List<ContractMonth> idle = List.of(c("I1", 0, 31, "1", "T"), c("I2", 0, 31, "1", "T"),
                c("I3", 0, 31, "1", "T"), c("I4", 5, 10, "1", "T"));
        PeerComparison comparison = new PeerComparison(SETUP, idle);
        // averages 0 × 10/31 = 0 → diff(5, 0) = 0 by definition
        assertThat(comparison.compare(idle.get(3))).contains(new Ot101Figures(5, 10, 0, 0, 0, 0, 3, 1,
                "postalCode + tariffId"));
    }

    @Test
    void efficientCustomersAreTheLowestWithTiesByContractId() {
        // n = 5, share 0.25 → k = ceil(1.25) = 2; sorted (C, id): a 10, b 10, e 20, c 30, d 40 → eff (10 + 10)/2 = 10
        List<ContractMonth> group = List.of(c("c", 30, 31, "1", "T"), c("b", 10, 31, "1", "T"),
                c("d", 40, 31, "1", "T"), c("a", 10, 31, "1", "T"), c("e", 20, 31, "1", "T"));
        PeerComparison.GroupStats stats = PeerComparison.GroupStats.of(group, 0.25);
        assertThat(stats).isEqualTo(new PeerComparison.GroupStats(5, 22, 2, 10));
        // with share 0.5, k = ceil(2.5) = 3: a, b, e → (10 + 10 + 20)/3 = 13.333…
        assertThat(PeerComparison.GroupStats.of(group, 0.5).efficientMean()).isCloseTo(40.0 / 3, within());
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-12);
    }
}

package org.enma.jobs.ot101;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.ExactSum;
import org.enma.jobs.ot101.PeerGroups.Compared;
import org.enma.schema.Month;
import org.enma.testing.EnmaStackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OT101's comparison on Spark against figures worked out by hand — the groups, the choice of criterion, the efficient
 * customers — both ways a company is compared: in one task, and ranked over more partitions than it has groups; and
 * the ranking of a group spread over partitions, with ties and skew, against a plain sort.
 */
@ExtendWith(EnmaStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerGroupsIT {
    private static final Month JULY = Month.of(2013, 7);
    /** July 2013 (31 days); minGroupSize 3; efficientShare 0.25; criteria [postalCode, tariffId], [postalCode], []. */
    private static final Ot101Setup SETUP = new Ot101Setup(
            List.of(List.of("postalCode", "tariffId"), List.of("postalCode"), List.of()), 3, 0.25);
    private JavaSparkContext spark;

    @BeforeAll
    void spark(SparkSession session) {
        spark = new JavaSparkContext(session.sparkContext());
    }

    private static ContractMonth c(String id, double consumption, int days, String postalCode, String tariffId) {
        Map<String, String> attributes = new HashMap<>();
        if (postalCode != null) {
            attributes.put("postalCode", postalCode);
        }
        if (tariffId != null) {
            attributes.put("tariffId", tariffId);
        }
        return new ContractMonth(id, JULY, ExactSum.units(consumption), days, attributes);
    }

    @Test
    void eachContractIsComparedWithTheMostSpecificLargeEnoughGroup() {
        List<ContractMonth> company = List.of(
                c("A1", 100, 31, "08001", "T1"),
                c("A2", 200, 31, "08001", "T1"),
                c("A3", 300, 31, "08001", "T1"),
                c("A4", 50, 31, "08001", "T2"),
                c("A5", 62, 15, "08001", "T1"),   // partial month: not a member, compared with scaled averages
                c("B1", 80, 31, "08002", "T1"),
                c("B2", 120, 31, "08002", null),  // no tariffId
                c("X", 90, 31, null, "T1"));      // no postalCode
        Map<String, Ot101Figures> figures = compared(company, SETUP, 5);
        // (08001, T1) members A1, A2, A3: n = 3, mean 600/3 = 200; k = max(1, ceil(0.75)) = 1 → eff = 100
        assertThat(figures.get("A1")).isEqualTo(new Ot101Figures(100, 31, 200, 100, -50, 0, 3, 1,
                "postalCode + tariffId"));
        // A5: 15 of 31 days; 200 × 15/31 = 96.774…, 100 × 15/31 = 48.387…; 62/96.774… − 1 = −35.933…%
        assertThat(figures.get("A5")).isEqualTo(new Ot101Figures(62, 15, 96.77, 48.39, -35.93, 28.13, 3, 1,
                "postalCode + tariffId"));
        // A4: (08001, T2) has 1 member < 3 → (08001): A1..A4, n = 4, mean 650/4 = 162.5; k = 1 → eff 50
        assertThat(figures.get("A4")).isEqualTo(new Ot101Figures(50, 31, 162.5, 50, -69.23, 0, 4, 1, "postalCode"));
        // whole company, complete months: A1 A2 A3 A4 B1 B2 X, n = 7, Σ = 940, mean 134.2857…; k = 2: A4, B1 → 65
        // B1: 560/940 − 1 = −40.425…%; 80/65 − 1 = +23.076…%; B2: 840/940 − 1 = −10.638…%; X: 630/940 − 1
        assertThat(figures.get("B1")).isEqualTo(new Ot101Figures(80, 31, 134.29, 65, -40.43, 23.08, 7, 2,
                "companyId"));
        assertThat(figures.get("B2")).isEqualTo(new Ot101Figures(120, 31, 134.29, 65, -10.64, 84.62, 7, 2,
                "companyId"));
        assertThat(figures.get("X")).isEqualTo(new Ot101Figures(90, 31, 134.29, 65, -32.98, 38.46, 7, 2,
                "companyId"));
        assertThat(figures).hasSize(8);
    }

    @Test
    void aContractWithoutALargeEnoughGroupComesBackWithoutComparison() {
        Ot101Setup strict = new Ot101Setup(List.of(List.of("postalCode")), 2, 0.25);
        List<ContractMonth> company = List.of(c("A", 1, 31, "1", null), c("B", 2, 31, "1", null),
                c("C", 3, 31, "2", null), c("D", 4, 31, null, null));
        for (long perPartition : List.of(PeerGroups.PLACEMENTS_PER_PARTITION, 1L)) {
            List<Compared> compared = PeerGroups.compare(spark.parallelize(company, 3), strict, perPartition)
                    .collect();
            assertThat(compared).extracting(x -> x.month().contractId() + "=" + x.found().isPresent())
                    .containsExactlyInAnyOrder("A=true", "B=true", "C=false", "D=false");
        }
    }

    @Test
    void aGroupOfOneIsAGroupWhenMinGroupSizeIsOne() {
        Ot101Setup ones = new Ot101Setup(List.of(List.of("postalCode")), 1, 0.25);
        Map<String, Ot101Figures> figures = compared(List.of(c("A", 10, 31, "1", null), c("B", 20, 31, "2", null)),
                ones, 2);
        assertThat(figures.get("A")).isEqualTo(new Ot101Figures(10, 31, 10, 10, 0, 0, 1, 1, "postalCode"));
        assertThat(figures.get("B")).isEqualTo(new Ot101Figures(20, 31, 20, 20, 0, 0, 1, 1, "postalCode"));
    }

    @Test
    void tiesAcrossPartitionsAndASkewedGroupGiveWhatAPlainSortGives() {
        // group "big": 300 contracts of 1 kWh, 300 of 2, 400 of 3 — ties everywhere, over 8 partitions;
        // group "small": 10 contracts of 5, 6, ... 14. Share 0.5.
        List<ContractMonth> company = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            company.add(c(String.format("big%04d", i), i < 300 ? 1 : i < 600 ? 2 : 3, 31, "big", null));
        }
        for (int i = 0; i < 10; i++) {
            company.add(c("small" + i, 5 + i, 31, "small", null));
        }
        java.util.Collections.shuffle(company, new java.util.Random(7));
        JavaSparkContext sc = spark;
        var placements = sc.parallelize(company, 8).flatMap(m ->
                PeerComparison.placements(m, new Ot101Setup(List.of(List.of("postalCode")), 1, 0.5)).iterator());
        var attached = GroupRanks.attach(placements, 0.5, 8);
        Map<String, GroupStats> byGroup = new HashMap<>();
        attached.collect().forEach(p -> byGroup.put(p._1().group().values().get(0), p._2()));
        // by hand: big n = 1000, mean (300 + 600 + 1200) / 1000 = 2.1; k = 500: 300 × 1 + 200 × 2 = 700 → 1.4
        assertThat(byGroup.get("big")).isEqualTo(new GroupStats(1000, 2.1, 500, 1.4));
        // small: n = 10, mean 9.5; k = 5: 5 + 6 + 7 + 8 + 9 = 35 → 7
        assertThat(byGroup.get("small")).isEqualTo(new GroupStats(10, 9.5, 5, 7));
        // and what the plain computation in one task gives, every contract compared alike
        Ot101Setup byPostalCode = new Ot101Setup(List.of(List.of("postalCode")), 1, 0.5);
        Map<String, GroupStats> plain = new HashMap<>();
        for (Compared compared : PeerComparison.compareAll(company, byPostalCode)) {
            PeerComparison.Comparison found = compared.found().orElseThrow();
            plain.put(compared.month().attributes().get("postalCode"), new GroupStats(found.size(),
                    found.average(), found.efficientSize(), found.efficientAverage()));
        }
        assertThat(byGroup).isEqualTo(plain);
        // every placement came back, and the big group was spread: its placements lie in several partitions
        assertThat(attached.count()).isEqualTo(1010);
        Set<Integer> spread = new TreeSet<>(attached.mapPartitionsWithIndex((index, it) -> {
            List<Integer> mine = new ArrayList<>();
            while (it.hasNext()) {
                if (it.next()._1().group().values().get(0).equals("big")) {
                    mine.add(index);
                    break;
                }
            }
            return mine.iterator();
        }, false).collect());
        assertThat(spread.size()).isGreaterThanOrEqualTo(4);
    }

    /**
     * The figures of the contracts {@code company} finds a group for: compared in one task and ranked over {@code
     * partitions} partitions (a placement each at most), which must agree.
     */
    private Map<String, Ot101Figures> compared(List<ContractMonth> company, Ot101Setup setup, int partitions) {
        Map<String, Ot101Figures> inOneTask = figures(PeerGroups.compare(spark.parallelize(company, partitions),
                setup));
        Map<String, Ot101Figures> ranked = figures(PeerGroups.compare(spark.parallelize(company, partitions), setup,
                1));
        assertThat(ranked).isEqualTo(inOneTask);
        return inOneTask;
    }

    private static Map<String, Ot101Figures> figures(org.apache.spark.api.java.JavaRDD<Compared> compared) {
        return compared.collect().stream().filter(x -> x.found().isPresent())
                .collect(Collectors.toMap(x -> x.month().contractId(), x -> x.found().get().rounded()));
    }
}

package org.enma.jobs.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.enma.jobs.read.Measure;
import org.enma.schema.MeasureKey;
import org.junit.jupiter.api.Test;

/** The rules, the estimates and the trust rows of one contract, on series whose figures are worked out by hand. */
class ContractCheckTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Thresholds DEFAULTS = new Thresholds(10, 1, 6, 2, 7);
    private static final long NOW = LocalDateTime.of(2015, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final String C = "C1";

    /** A contract's rows by timestamp, each its cells by qualifier. */
    private final TreeMap<Long, Map<String, String>> rows = new TreeMap<>();

    private static long at(int month, int day, int hour, int minute, ZoneId zone) {
        return LocalDateTime.of(2014, month, day, 0, 0).plusHours(hour).plusMinutes(minute).atZone(zone)
                .toEpochSecond();
    }

    /** Hourly readings whose values never repeat twice running: the one ending at hour h holds 1 + (h mod 3) / 10. */
    private void hourly(int month, int fromDay, int toDay) {
        for (int d = fromDay; d <= toDay; d++) {
            for (int h = 1; h <= 24; h++) {
                row(at(month, d, h, 0, UTC), "v", List.of("1", "1.1", "1.2").get(h % 3), "calc", "0");
            }
        }
    }

    private void row(long timestamp, String... cells) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            texts.put(cells[i], cells[i + 1]);
        }
        rows.put(timestamp, texts);
    }

    private ContractCheck.Verdict check(ZoneId zone, Predicate<LocalDate> validated) {
        return check(zone, validated, null);
    }

    /** {@code power}: the customer's contracted power in kW, or null. */
    private ContractCheck.Verdict check(ZoneId zone, Predicate<LocalDate> validated, Double power) {
        List<Measure> measures = new ArrayList<>();
        rows.forEach((t, texts) -> measures.add(new Measure(C, t, texts.containsKey("v")
                ? Double.valueOf(texts.get("v")) : null, null, Map.copyOf(texts))));
        return new ContractCheck(C, measures, validated, power, List.of(), zone, NOW, DEFAULTS).run();
    }

    /** Applies the verdict's writes to {@link #rows}, as HBase would. */
    private void apply(ContractCheck.Verdict verdict) {
        for (Mutation m : verdict.writes()) {
            long t = MeasureKey.decode(m.getRow()).timestamp();
            Map<String, String> texts = rows.computeIfAbsent(t, k -> new HashMap<>());
            for (List<Cell> cells : m.getFamilyCellMap().values()) {
                for (Cell cell : cells) {
                    String q = new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8);
                    if (m instanceof Put) {
                        texts.put(q, new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
                    } else if (m instanceof Delete) {
                        texts.remove(q);
                    }
                }
            }
            if (texts.isEmpty()) {
                rows.remove(t);
            }
        }
    }

    private static Predicate<LocalDate> only(LocalDate day) {
        return day::equals;
    }

    @Test
    void aSpikeIsSetAsideAndInterpolatedBetweenItsNeighbours() {
        hourly(1, 1, 6);
        long spike = at(1, 6, 10, 0, UTC);
        row(spike, "v", "50", "calc", "0");
        ContractCheck.Verdict verdict = check(UTC, only(LocalDate.of(2014, 1, 6)));
        apply(verdict);
        // 5 days before: median 1.1 over 120 measures; 50 > 10 × 1.1 and > 1 kWh; between 1 (9:00) and 1.2 (11:00)
        assertThat(rows.get(spike)).containsExactlyInAnyOrderEntriesOf(Map.of("v", "1.1", "calc", "1", "est", "linear",
                "q", "spike", "raw", "50"));
        assertThat(verdict.days()).singleElement().satisfies(day -> {
            assertThat(day.interval()).isEqualTo(3600);
            assertThat(day.expected()).isEqualTo(24);
            assertThat(day.actual()).isEqualTo(23);
            assertThat(day.estimated()).isEqualTo(1);
            assertThat(day.suspect()).isEqualTo(1);
            assertThat(day.missing()).isZero();
            assertThat(day.rules()).containsExactlyEntriesOf(Map.of(Rule.SPIKE, 1));
        });
        assertThat(verdict.measures()).isEqualTo(24);
        assertThat(check(UTC, only(LocalDate.of(2014, 1, 6))).writes()).as("validating again writes nothing")
                .isEmpty();
    }

    @Test
    void withoutTwentyEightDaysOfHistoryOnlyThePowerTellsASpike() {
        hourly(1, 1, 3);
        row(at(1, 3, 10, 0, UTC), "v", "50", "calc", "0");
        // 2 days before: 48 measures, fewer than 96, so no median
        assertThat(check(UTC, only(LocalDate.of(2014, 1, 3))).writes()).isEmpty();
    }

    @Test
    void aSpikeAtTheVeryFirstMeasureIsToldByThePowerAlone() {
        hourly(1, 1, 1);
        row(at(1, 1, 1, 0, UTC), "v", "9", "calc", "0");
        // no history at all; 9 kWh in an hour > 1.5 × 5 kW × 1 h = 7.5
        ContractCheck.Verdict verdict = check(UTC, day -> true, 5.0);
        apply(verdict);
        assertThat(rows.get(at(1, 1, 1, 0, UTC))).containsEntry("q", "spike").containsEntry("raw", "9")
                .doesNotContainKey("v");
        // 9 ≤ 1.5 × 6 kW: no spike
        rows.clear();
        hourly(1, 1, 1);
        row(at(1, 1, 1, 0, UTC), "v", "9", "calc", "0");
        assertThat(check(UTC, day -> true, 6.0).writes()).isEmpty();
    }

    @Test
    void aContractWithOneReadingHasNoIntervalAndNothingToEstimate() {
        row(at(1, 5, 13, 0, UTC), "v", "2", "calc", "0");
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        assertThat(verdict.writes()).isEmpty();
        assertThat(verdict.days()).singleElement().satisfies(day -> {
            assertThat(day.interval()).isZero();
            assertThat(day.expected()).isZero();
            assertThat(day.actual()).isEqualTo(1);
            assertThat(day.missing()).isZero();
        });
    }

    @Test
    void aQuarterHourGapBoundedByMeterReadingsSumsToTheirDifference() {
        // 15-minute readings on 10 January, va the running total from 1000
        java.math.BigDecimal va = new java.math.BigDecimal("1000");
        for (int q = 1; q <= 96; q++) {
            long t = at(1, 10, 0, 15 * q, UTC);
            // the three quarters after 10:00 hold 0.3, 0.3 and 0.2, the one ending 11:00 0.2
            String v = q == 41 || q == 42 ? "0.3" : q == 43 || q == 44 ? "0.2" : List.of("0.25", "0.26", "0.27")
                    .get(q % 3);
            va = va.add(new java.math.BigDecimal(v));
            row(t, "v", v, "va", va.toPlainString(), "calc", "0");
        }
        rows.remove(at(1, 10, 10, 15, UTC));
        rows.remove(at(1, 10, 10, 30, UTC));
        rows.remove(at(1, 10, 10, 45, UTC));
        ContractCheck.Verdict verdict = check(UTC, only(LocalDate.of(2014, 1, 10)));
        apply(verdict);
        // va(11:00) − va(10:00) − v(11:00) = 1.0 − 0.2 = 0.8 over 3: 0.267, 0.267 and the remainder 0.266
        assertThat(rows.get(at(1, 10, 10, 15, UTC))).containsEntry("v", "0.267").containsEntry("est", "linear")
                .containsEntry("calc", "1").doesNotContainKeys("q", "raw");
        assertThat(rows.get(at(1, 10, 10, 30, UTC))).containsEntry("v", "0.267");
        assertThat(rows.get(at(1, 10, 10, 45, UTC))).containsEntry("v", "0.266");
        assertThat(verdict.days()).singleElement().satisfies(day -> {
            assertThat(day.interval()).isEqualTo(900);
            assertThat(day.expected()).isEqualTo(96);
            assertThat(day.actual()).isEqualTo(93);
            assertThat(day.estimated()).isEqualTo(3);
            assertThat(day.missing()).isZero();
            assertThat(day.rules()).as("the day's values agree with its register").isEmpty();
        });
    }

    @Test
    void withoutMeterReadingsAGapIsInterpolated() {
        hourly(1, 1, 1);
        row(at(1, 1, 12, 0, UTC), "v", "4", "calc", "0");
        rows.remove(at(1, 1, 10, 0, UTC));
        rows.remove(at(1, 1, 11, 0, UTC));
        apply(check(UTC, only(LocalDate.of(2014, 1, 1))));
        // between 1 (9:00) and 4 (12:00): 1 + (4 − 1) × 1/3 = 2, 1 + 3 × 2/3 = 3
        assertThat(rows.get(at(1, 1, 10, 0, UTC))).containsEntry("v", "2");
        assertThat(rows.get(at(1, 1, 11, 0, UTC))).containsEntry("v", "3");
    }

    @Test
    void aValueDerivedAcrossAGapIsSpreadOverItWithTheIndexAsTheTotal() {
        // an index-only meter: v derived (calc 1) from va, the readings ending at hour h hold 1 + (h mod 3) / 10
        java.math.BigDecimal va = new java.math.BigDecimal("500");
        for (int h = 1; h <= 24; h++) {
            String v = List.of("1", "1.1", "1.2").get(h % 3);
            va = va.add(new java.math.BigDecimal(v));
            row(at(1, 1, h, 0, UTC), "v", v, "va", va.toPlainString(), "calc", "1");
        }
        // 10:00 missing: derive made 11:00's v the two hours' 1.1 + 1.2
        rows.remove(at(1, 1, 10, 0, UTC));
        rows.get(at(1, 1, 11, 0, UTC)).put("v", "2.3");
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        apply(verdict);
        // the run 10:00–11:00 between 9:00 and 12:00: va(12:00) − va(9:00) − v(12:00) = 3.3 − 1 = 2.3, split in two
        assertThat(rows.get(at(1, 1, 10, 0, UTC))).containsExactlyInAnyOrderEntriesOf(Map.of("v", "1.15", "calc", "1",
                "est", "linear"));
        assertThat(rows.get(at(1, 1, 11, 0, UTC))).containsEntry("v", "1.15").containsEntry("est", "linear")
                .containsEntry("va", "512.2").doesNotContainKeys("q", "raw");
        assertThat(verdict.days().get(0).suspect()).isZero();
        assertThat(verdict.days().get(0).estimated()).isEqualTo(2);
        assertThat(verdict.days().get(0).actual()).isEqualTo(22);
        assertThat(check(UTC, day -> true).writes()).as("validating again writes nothing").isEmpty();
    }

    @Test
    void aDayWhoseValuesDisagreeWithItsRegisterIsCountedNotChanged() {
        java.math.BigDecimal va = new java.math.BigDecimal("500");
        for (int h = 1; h <= 24; h++) {
            String v = List.of("1", "1.1", "1.2").get(h % 3);
            va = va.add(new java.math.BigDecimal(v));
            // the reading ending 14:00 says 1.5 where the register moved 1.2
            row(at(1, 1, h, 0, UTC), "v", h == 14 ? "1.5" : v, "va", va.toPlainString(), "calc", "0");
        }
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        // va(24:00) − va(1:00) + v(1:00) = 26.4; the values sum to 26.7: off by 0.3 > 0.01 and > 1 % of 26.4
        assertThat(verdict.days().get(0).rules()).containsExactlyEntriesOf(Map.of(Rule.REGISTER_MISMATCH, 1));
        assertThat(verdict.writes()).isEmpty();
        assertThat(verdict.days().get(0).actual()).isEqualTo(24);
    }

    @Test
    void dailyReadingsAMissingDayFromItsLikeDaysAndAnHourLateReadingOffTheGrid() {
        // the reading stamped midnight of day d + 1 is day d's, and holds 10 + (d mod 7)
        for (int d = 1; d <= 20; d++) {
            row(at(1, d, 24, 0, UTC), "v", Integer.toString(10 + d % 7), "calc", "0");
        }
        rows.remove(at(1, 15, 24, 0, UTC));
        long late = at(1, 18, 25, 0, UTC);
        rows.remove(at(1, 18, 24, 0, UTC));
        row(late, "v", "14", "calc", "0");
        ContractCheck.Verdict verdict = check(UTC, day -> day.getDayOfMonth() == 15 || day.getDayOfMonth() == 19);
        apply(verdict);
        // 15 January: a day between 14 and 16, longer than 2 hours: like days 8 and 1 January hold 11 and 11
        assertThat(rows.get(at(1, 15, 24, 0, UTC))).containsEntry("v", "11").containsEntry("est", "likeDay");
        assertThat(verdict.days()).filteredOn(d -> d.day().getDayOfMonth() == 15).singleElement().satisfies(day -> {
            assertThat(day.interval()).isEqualTo(86_400);
            assertThat(day.expected()).isEqualTo(1);
            assertThat(day.estimated()).isEqualTo(1);
            assertThat(day.missing()).isZero();
        });
        // 19 January 01:00 (the 18th's reading, an hour late) is off the daily grid: a suspect, its value kept aside
        assertThat(rows.get(late)).containsEntry("q", "offGrid").containsEntry("raw", "14").doesNotContainKey("v");
        assertThat(verdict.days()).filteredOn(d -> d.day().getDayOfMonth() == 19).singleElement()
                .satisfies(day -> assertThat(day.rules()).containsExactlyEntriesOf(Map.of(Rule.OFF_GRID, 1)));
    }

    @Test
    void halfHourReadingsAGapOfAnHourIsInterpolated() {
        long start = at(1, 8, 0, 0, UTC);
        for (int h = 1; h <= 48; h++) {
            row(start + h * 1800L, "v", List.of("0.5", "0.6", "0.7").get(h % 3), "calc", "0");
        }
        row(start + 20 * 1800L, "v", "1", "calc", "0");
        row(start + 23 * 1800L, "v", "2.5", "calc", "0");
        rows.remove(start + 21 * 1800L);
        rows.remove(start + 22 * 1800L);
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        apply(verdict);
        // between 1 and 2.5: 1 + 1.5 × 1/3 = 1.5, 1 + 1.5 × 2/3 = 2
        assertThat(rows.get(start + 21 * 1800L)).containsEntry("v", "1.5").containsEntry("est", "linear");
        assertThat(rows.get(start + 22 * 1800L)).containsEntry("v", "2");
        assertThat(verdict.days()).singleElement().satisfies(day -> {
            assertThat(day.interval()).isEqualTo(1800);
            assertThat(day.expected()).isEqualTo(48);
            assertThat(day.actual()).isEqualTo(46);
            assertThat(day.estimated()).isEqualTo(2);
        });
    }

    @Test
    void aFrozenRunIsEstimatedFromLikeDays() {
        // 15 days of a daily shape: the reading ending at hour h holds 1 + h/10
        for (int d = 1; d <= 15; d++) {
            for (int h = 1; h <= 24; h++) {
                row(at(1, d, h, 0, UTC), "v", new java.math.BigDecimal(h).movePointLeft(1).add(
                        java.math.BigDecimal.ONE).toPlainString(), "calc", "0");
            }
        }
        for (int h = 10; h <= 16; h++) {
            row(at(1, 15, h, 0, UTC), "v", "2.5", "calc", "0");
        }
        ContractCheck.Verdict verdict = check(UTC, only(LocalDate.of(2014, 1, 15)));
        apply(verdict);
        // 7 equal hours (≥ 6) frozen; 7 hours > 2: like days 8 and 1 January hold 1 + h/10 at those hours
        List<String> expected = List.of("2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6");
        for (int h = 10; h <= 16; h++) {
            assertThat(rows.get(at(1, 15, h, 0, UTC))).containsEntry("q", "frozen").containsEntry("raw", "2.5")
                    .containsEntry("est", "likeDay").containsEntry("v", expected.get(h - 10));
        }
        assertThat(verdict.days().get(0).rules()).containsExactlyEntriesOf(Map.of(Rule.FROZEN, 7));
        assertThat(verdict.days().get(0).suspect()).isEqualTo(7);
        assertThat(verdict.days().get(0).estimated()).isEqualTo(7);
    }

    @Test
    void fortyEightHoursOfZerosAreCountedNotEstimated() {
        for (int h = 1; h <= 48; h++) {
            row(at(1, 1, h, 0, UTC), "v", "0", "calc", "0");
        }
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        assertThat(verdict.writes()).isEmpty();
        assertThat(verdict.days()).hasSize(2).allSatisfy(day -> {
            assertThat(day.rules()).containsExactlyEntriesOf(Map.of(Rule.ZERO_RUN, 24));
            assertThat(day.actual()).isEqualTo(24);
            assertThat(day.suspect()).isZero();
        });
    }

    @Test
    void negativeFutureAndOffGridMeasuresAreSuspectsInTheRulesOrder() {
        hourly(1, 1, 1);
        long offGrid = at(1, 1, 5, 7, UTC);
        row(offGrid, "v", "-2", "calc", "0");
        row(at(1, 1, 3, 0, UTC), "v", "-1", "calc", "0");
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        apply(verdict);
        assertThat(rows.get(offGrid)).containsExactlyInAnyOrderEntriesOf(Map.of("q", "offGrid,negative",
                "raw", "-2"));
        // a negative on the grid is estimated between its neighbours: 1.2 (2:00) and 1.1 (4:00) give 1.15
        assertThat(rows.get(at(1, 1, 3, 0, UTC))).containsEntry("q", "negative").containsEntry("v", "1.15");
        assertThat(verdict.days().get(0).rules()).containsExactlyInAnyOrderEntriesOf(Map.of(Rule.OFF_GRID, 1,
                Rule.NEGATIVE, 2));
        assertThat(verdict.days().get(0).suspect()).isEqualTo(2);
    }

    @Test
    void aGapAtTheStartOrEndOfTheDataHasNoBoundAndStaysMissing() {
        hourly(1, 1, 1);
        rows.remove(at(1, 1, 1, 0, UTC));
        rows.remove(at(1, 1, 24, 0, UTC));
        ContractCheck.Verdict verdict = check(UTC, day -> true);
        assertThat(verdict.writes()).isEmpty();
        assertThat(verdict.days().get(0).missing()).isEqualTo(2);
    }

    @Test
    void dstDaysHave92And100QuarterHoursAnd23And25Hours() {
        for (LocalDate day : List.of(LocalDate.of(2014, 3, 30), LocalDate.of(2014, 10, 26))) {
            long start = day.atStartOfDay(MADRID).toEpochSecond();
            long end = day.plusDays(1).atStartOfDay(MADRID).toEpochSecond();
            for (long t = start + 900; t <= end; t += 900) {
                row(t, "v", List.of("0.1", "0.2", "0.3").get((int) (t / 900 % 3)), "calc", "0");
            }
        }
        ContractCheck.Verdict quarters = check(MADRID, day -> true);
        assertThat(quarters.days()).filteredOn(d -> d.actual() > 0).extracting(TrustDay::expected, TrustDay::actual,
                TrustDay::interval).containsExactly(org.assertj.core.groups.Tuple.tuple(92, 92, 900),
                org.assertj.core.groups.Tuple.tuple(100, 100, 900));
        assertThat(Interval.expected(LocalDate.of(2014, 3, 30), 3600, MADRID)).isEqualTo(23);
        assertThat(Interval.expected(LocalDate.of(2014, 10, 26), 3600, MADRID)).isEqualTo(25);
        assertThat(Interval.expected(LocalDate.of(2014, 10, 26), 86400, MADRID)).isEqualTo(1);
    }
}

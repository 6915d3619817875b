package org.enma.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.enma.schema.IntervalConvention;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;

class SharedDefinitionsTest {

    @Test
    void aReadingStampedAtMidnightBelongsToThePreviousDay() {
        // 2013-08-01T00:00:00Z = 1375315200
        assertThat(IntervalConvention.localTimeOf(1375315200L, ZoneOffset.UTC))
                .isEqualTo(LocalDateTime.of(2013, 7, 31, 23, 59, 59));
        // in Madrid (UTC+2 in summer) the same instant is 02:00 local, so it belongs to 2013-08-01, hour 1
        assertThat(IntervalConvention.localTimeOf(1375315200L, ZoneId.of("Europe/Madrid")))
                .isEqualTo(LocalDateTime.of(2013, 8, 1, 1, 59, 59));
    }

    @Test
    void monthlyUsageFollowsTheConvention() {
        MonthlyUsage usage = new MonthlyUsage(Set.of(Month.of(2013, 7)), ZoneOffset.UTC);
        assertThat(usage.add("A", 1372640400L, 1.5)).isTrue();   // 2013-07-01T01:00Z → July 1st
        assertThat(usage.add("A", 1372636800L, 9)).isFalse();    // 2013-07-01T00:00Z → June 30th
        assertThat(usage.add("A", 1375315200L, 2.5)).isTrue();   // 2013-08-01T00:00Z → July 31st
        assertThat(usage.add("A", 1375318800L, 9)).isFalse();    // 2013-08-01T01:00Z → August
        assertThat(usage.add("A", 1372644000L, 1)).isTrue();     // July 1st again: same date
        assertThat(usage.add("B", 1372644000L, 4)).isTrue();
        Usage a = usage.of(Month.of(2013, 7)).get("A");
        assertThat(a.consumption()).isEqualTo(5.0);
        assertThat(a.days()).isEqualTo(2);
        assertThat(usage.of(Month.of(2013, 7))).containsOnlyKeys("A", "B");
        assertThat(usage.of(Month.of(2013, 8))).isEmpty();
    }

    @Test
    void partialSumsOfTwoPartitionsMergeToTheWholeMonth() {
        MonthlyUsage first = new MonthlyUsage(Set.of(Month.of(2013, 7)), ZoneOffset.UTC);
        MonthlyUsage second = new MonthlyUsage(Set.of(Month.of(2013, 7)), ZoneOffset.UTC);
        first.add("A", 1372640400L, 1.5);   // July 1st
        second.add("A", 1372644000L, 2);    // July 1st, other bucket
        second.add("A", 1372730400L, 0.25); // July 2nd
        Usage a = first.merge(second).of(Month.of(2013, 7)).get("A");
        assertThat(a.consumption()).isEqualTo(3.75);
        assertThat(a.days()).isEqualTo(2);
    }

    @Test
    void aMonthIsCompleteWhenEveryDateHasAMeasure() {
        // days of month: 28 (Feb 2013), 29 (Feb 2016), 30 (Apr 2013), 31 (Dec 2013)
        assertThat(monthWithDays(Month.of(2013, 2), 28).complete()).isTrue();
        assertThat(monthWithDays(Month.of(2016, 2), 28).complete()).isFalse();
        assertThat(monthWithDays(Month.of(2016, 2), 29).complete()).isTrue();
        assertThat(monthWithDays(Month.of(2013, 4), 30).complete()).isTrue();
        assertThat(monthWithDays(Month.of(2013, 12), 30).complete()).isFalse();
        assertThat(monthWithDays(Month.of(2013, 12), 31).daysInMonth()).isEqualTo(31);
    }

    /** A contract with one 1 kWh reading at 12:00 UTC on each of the first {@code days} dates of {@code month}. */
    private static ContractMonth monthWithDays(Month month, int days) {
        MonthlyUsage usage = new MonthlyUsage(Set.of(month), ZoneOffset.UTC);
        long firstNoon = month.value().atDay(1).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
        for (int d = 0; d < days; d++) {
            usage.add("C", firstNoon + d * 86_400L, 1);
        }
        return ContractMonth.of("C", month, usage.of(month).get("C"), Map.of());
    }

    @Test
    void roundingIsHalfUpOnTheDecimalValue() {
        assertThat(Decimals.round2(1.005)).isEqualTo(1.01);
        assertThat(Decimals.round2(2.675)).isEqualTo(2.68);
        assertThat(Decimals.round2(-1.005)).isEqualTo(-1.01);
        assertThat(Decimals.round2(96.77419354838709)).isEqualTo(96.77);
    }

    @Test
    void percentDiff() {
        assertThat(Decimals.percentDiff(150, 100)).isEqualTo(50.0);
        assertThat(Decimals.percentDiff(5, 0)).isZero();
    }
}

package org.enma.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
        LocalHours hours = new LocalHours(ZoneOffset.UTC);
        MonthlyUsage usage = new MonthlyUsage(List.of(Month.of(2013, 7)));
        assertThat(usage.add(hours.of(1372640400L), 1.5, false)).isTrue();   // 2013-07-01T01:00Z → July 1st
        assertThat(usage.add(hours.of(1372636800L), 9, false)).isFalse();    // 2013-07-01T00:00Z → June 30th
        assertThat(usage.add(hours.of(1375315200L), 2.5, false)).isTrue();   // 2013-08-01T00:00Z → July 31st
        assertThat(usage.add(hours.of(1375318800L), 9, false)).isFalse();    // 2013-08-01T01:00Z → August
        assertThat(usage.add(hours.of(1372644000L), 1, false)).isTrue();     // July 1st again: same date
        Usage july = usage.of(Month.of(2013, 7)).orElseThrow();
        assertThat(july.consumption()).isEqualTo(5.0);
        assertThat(july.days()).isEqualTo(2);
        assertThat(usage.of(Month.of(2013, 8))).isEmpty();
        assertThat(usage.isEmpty()).isFalse();
        assertThat(new MonthlyUsage(List.of(Month.of(2013, 7))).isEmpty()).isTrue();
    }

    @Test
    void partialSumsOfTwoPartitionsMergeToTheWholeMonth() {
        LocalHours hours = new LocalHours(ZoneOffset.UTC);
        MonthlyUsage first = new MonthlyUsage(List.of(Month.of(2013, 6), Month.of(2013, 7)));
        MonthlyUsage second = new MonthlyUsage(List.of(Month.of(2013, 6), Month.of(2013, 7)));
        first.add(hours.of(1372640400L), 1.5, false);   // July 1st
        second.add(hours.of(1372644000L), 2, false);    // July 1st, other bucket
        second.add(hours.of(1372730400L), 0.25, true); // July 2nd, an estimate
        second.add(hours.of(1372636800L), 4, false);    // June 30th
        MonthlyUsage both = first.merge(second);
        Usage july = both.of(Month.of(2013, 7)).orElseThrow();
        assertThat(july.consumption()).isEqualTo(3.75);
        assertThat(july.days()).isEqualTo(2);
        // 0.25 of 3.75 kWh estimated: 1/15
        assertThat(ContractMonth.of("C", Month.of(2013, 7), july, Map.of()).estimatedShare()).isEqualTo(0.25 / 3.75);
        assertThat(both.of(Month.of(2013, 6)).orElseThrow().consumption()).isEqualTo(4.0);
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

    /** A contract with one 1 kWh reading at 12:00 on each of the first {@code days} dates of {@code month}. */
    private static ContractMonth monthWithDays(Month month, int days) {
        MonthlyUsage usage = new MonthlyUsage(List.of(month));
        for (int d = 1; d <= days; d++) {
            usage.add(month.value().atDay(d).atTime(11, 0), 1, false);
        }
        return ContractMonth.of("C", month, usage.of(month).orElseThrow(), Map.of());
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

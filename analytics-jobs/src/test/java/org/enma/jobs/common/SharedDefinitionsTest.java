package org.enma.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    void monthTotalsFollowTheConvention() {
        MonthTotals july = new MonthTotals(Month.of(2013, 7), ZoneOffset.UTC);
        assertThat(july.add(1372640400L, 1.5)).isTrue();   // 2013-07-01T01:00Z → July 1st
        assertThat(july.add(1372636800L, 9)).isFalse();    // 2013-07-01T00:00Z → June 30th
        assertThat(july.add(1375315200L, 2.5)).isTrue();   // 2013-08-01T00:00Z → July 31st
        assertThat(july.add(1375318800L, 9)).isFalse();    // 2013-08-01T01:00Z → August
        assertThat(july.add(1372644000L, 1)).isTrue();     // July 1st again: same date
        assertThat(july.consumption()).isEqualTo(5.0);
        assertThat(july.days()).isEqualTo(2);
        assertThat(july.daysInMonth()).isEqualTo(31);
    }

    @Test
    void daysInMonthOf28To31() {
        assertThat(new MonthTotals(Month.of(2013, 2), ZoneOffset.UTC).daysInMonth()).isEqualTo(28);
        assertThat(new MonthTotals(Month.of(2016, 2), ZoneOffset.UTC).daysInMonth()).isEqualTo(29);
        assertThat(new MonthTotals(Month.of(2013, 4), ZoneOffset.UTC).daysInMonth()).isEqualTo(30);
        assertThat(new MonthTotals(Month.of(2013, 12), ZoneOffset.UTC).daysInMonth()).isEqualTo(31);
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

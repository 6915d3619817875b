package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Local days and clock times across Madrid's 2014 transitions (CET +1, CEST +2), worked out by hand. */
class LocalClockTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static long utc(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @Test
    void aMeasureBelongsToTheDayOfTheSecondBeforeItsStamp() {
        LocalClock clock = new LocalClock(MADRID);
        // 23:00Z is local midnight (CET): the hour it ends is the 29th's last
        assertThat(clock.dayOf(utc("2014-03-29T23:00:00Z"))).isEqualTo(LocalDate.of(2014, 3, 29));
        assertThat(clock.secondOfDay(utc("2014-03-29T23:00:00Z"))).isZero();
        assertThat(clock.dayOf(utc("2014-03-29T23:00:01Z"))).isEqualTo(LocalDate.of(2014, 3, 30));
    }

    @Test
    void theClockJumpsAnHourForwardInMarchAndBackInOctober() {
        LocalClock clock = new LocalClock(MADRID);
        // 00:59:59Z = 01:59:59 CET; 01:00Z = 03:00 CEST
        assertThat(clock.secondOfDay(utc("2014-03-30T00:59:59Z"))).isEqualTo(7199);
        assertThat(clock.secondOfDay(utc("2014-03-30T01:00:00Z"))).isEqualTo(10_800);
        // 02:30 twice: CEST at 00:30Z, CET at 01:30Z
        assertThat(clock.secondOfDay(utc("2014-10-26T00:30:00Z"))).isEqualTo(9000);
        assertThat(clock.secondOfDay(utc("2014-10-26T01:30:00Z"))).isEqualTo(9000);
        // 22:00Z = 23:00 CET, the 26th's last hour
        assertThat(clock.dayOf(utc("2014-10-26T23:00:00Z"))).isEqualTo(LocalDate.of(2014, 10, 26));
    }

    @Test
    void goingBackInTimeLooksTheOffsetUpAgain() {
        LocalClock clock = new LocalClock(MADRID);
        assertThat(clock.secondOfDay(utc("2014-07-01T10:00:00Z"))).isEqualTo(12 * 3600);
        assertThat(clock.secondOfDay(utc("2014-01-01T10:00:00Z"))).isEqualTo(11 * 3600);
        assertThat(clock.dayOf(utc("2014-01-01T00:00:00Z"))).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(clock.dayOf(utc("2013-12-31T23:00:00Z"))).isEqualTo(LocalDate.of(2013, 12, 31));
    }

    @Test
    void aFixedOffsetHasNoTransitions() {
        LocalClock clock = new LocalClock(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(clock.secondOfDay(0)).isEqualTo(19_800);
        assertThat(clock.dayOf(0)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(clock.dayOf(-19_800)).isEqualTo(LocalDate.of(1969, 12, 31));
    }
}

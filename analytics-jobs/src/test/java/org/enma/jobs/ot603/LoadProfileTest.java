package org.enma.jobs.ot603;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.List;
import org.enma.schema.IntervalConvention;
import org.junit.jupiter.api.Test;

class LoadProfileTest {

    @Test
    void meanPerLocalHourSplitByWeekdayAndWeekendWithNullForHoursWithoutData() {
        LoadProfile profile = new LoadProfile();
        // Friday 5 July 2013: the reading stamped 09:00 UTC belongs to hour 8; two Fridays average (1 + 2) / 2
        profile.add(IntervalConvention.localTimeOf(LocalDateTime.of(2013, 7, 5, 9, 0).toEpochSecond(
                ZoneOffset.UTC), ZoneOffset.UTC), 1);
        // another Spark partition's share, merged
        LoadProfile other = new LoadProfile();
        other.add(LocalDateTime.of(2013, 7, 12, 8, 59, 59), 2);
        profile.merge(other);
        // Saturday 6 July, hour 23, and Sunday 7 July, hour 23: (0.5 + 1) / 2 = 0.75
        profile.add(LocalDateTime.of(2013, 7, 6, 23, 59, 59), 0.5);
        profile.add(LocalDateTime.of(2013, 7, 7, 23, 0), 1);
        // Monday 8 July, hour 0: 1/3 → 0.33
        profile.add(LocalDateTime.of(2013, 7, 8, 0, 30), 1.0 / 3);
        List<Double> weekday = new ArrayList<>(Arrays.asList(new Double[24]));
        weekday.set(0, 0.33);
        weekday.set(8, 1.5);
        List<Double> weekend = new ArrayList<>(Arrays.asList(new Double[24]));
        weekend.set(23, 0.75);
        assertThat(profile.fields().get("weekdayProfile")).isEqualTo(weekday);
        assertThat(profile.fields().get("weekendProfile")).isEqualTo(weekend);
    }
}

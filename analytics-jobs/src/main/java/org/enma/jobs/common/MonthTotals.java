package org.enma.jobs.common;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.enma.schema.Month;

/**
 * Accumulates one contract's month from its measures: {@code C(c, M)} = Σ v of the measures that belong to M (by the
 * interval convention), {@code days(c, M)} = the distinct local dates of M that have one. Measures outside M are
 * ignored, so a reader may hand over a little more than the month.
 */
public final class MonthTotals {
    private final YearMonth month;
    private final ZoneId zone;
    private final Set<Integer> dates = new HashSet<>();
    private double consumption;

    public MonthTotals(Month month, ZoneId zone) {
        this.month = month.value();
        this.zone = zone;
    }

    /** Adds a measure {@code v} stamped {@code epochSecond} (end of its interval); false when it is not of M. */
    public boolean add(long epochSecond, double v) {
        LocalDateTime local = IntervalConvention.localTimeOf(epochSecond, zone);
        if (!YearMonth.from(local).equals(month)) {
            return false;
        }
        consumption += v;
        dates.add(local.getDayOfMonth());
        return true;
    }

    public double consumption() {
        return consumption;
    }

    public int days() {
        return dates.size();
    }

    public int daysInMonth() {
        return month.lengthOfMonth();
    }
}

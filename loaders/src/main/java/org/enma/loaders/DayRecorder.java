package org.enma.loaders;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;
import org.enma.schema.IntervalConvention;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableKind;

/**
 * The contract-days of one load, told to {@link LoadedDays} batch by batch before the batch's rows are written ({@link
 * #add} the rows of a batch, then {@link #tell}): each new contract-day, and a day whole once more than {@link
 * LoadedDays#wholeDayAfter} of its contracts were told — after which none of its contracts is told again. Bounded whatever the file's size: it remembers at most {@value
 * #REMEMBERED} contract-days (then forgets them: one told again is recorded again, which changes nothing) and a count
 * per day. Only consumption tables have period tables; other loads tell nothing. A row's day is derived from its key;
 * consecutive rows mostly share a quarter hour, whose day is computed once.
 */
final class DayRecorder {
    static final int REMEMBERED = 200_000;
    private static final long QUARTER_HOUR = 900;

    private final EnmaTable table;
    private final ZoneId zone;
    private final LoadedDays listener;
    private final Set<ContractDay> told = new HashSet<>();
    private final Map<LocalDate, Integer> toldPerDay = new HashMap<>();
    private final Set<LocalDate> whole = new HashSet<>();
    /** Taken and not yet told, by day. */
    private final Map<LocalDate, List<ContractDay>> fresh = new TreeMap<>();
    private long lastQuarter = Long.MIN_VALUE;
    private LocalDate lastDay;

    private DayRecorder(EnmaTable table, ZoneId zone, LoadedDays listener) {
        this.table = table;
        this.zone = zone;
        this.listener = listener;
    }

    static DayRecorder of(EnmaTable table, ZoneId zone, LoadedDays listener) {
        boolean consumption = table.kind() == TableKind.CONSUMPTION || table.kind() == TableKind.TOU
                || table.kind() == TableKind.TERTIARY;
        return new DayRecorder(table, zone, consumption ? listener : LoadedDays.NONE);
    }

    /** Takes the days of {@code puts} (null: a rejected row) not told before in this load, to tell next. */
    void add(Put[] puts) {
        if (listener == LoadedDays.NONE) {
            return;
        }
        for (Put put : puts) {
            if (put != null) {
                MeasureKey key = MeasureKey.decode(put.getRow());
                LocalDate day = dayOf(key.timestamp());
                ContractDay contractDay = new ContractDay(key.id(), day);
                if (!whole.contains(day) && told.add(contractDay)) {
                    fresh.computeIfAbsent(day, d -> new ArrayList<>()).add(contractDay);
                }
            }
        }
    }

    /** Tells the days taken since the last call, in one call of the listener. */
    void tell() {
        List<ContractDay> days = new ArrayList<>();
        List<LocalDate> wholeDays = new ArrayList<>();
        fresh.forEach((day, contracts) -> {
            if (toldPerDay.merge(day, contracts.size(), Integer::sum) > listener.wholeDayAfter()) {
                whole.add(day);
                wholeDays.add(day);
            } else {
                days.addAll(contracts);
            }
        });
        fresh.clear();
        if (!days.isEmpty() || !wholeDays.isEmpty()) {
            listener.about(table, days, wholeDays);
        }
        if (told.size() > REMEMBERED) {
            told.clear();
        }
    }

    private LocalDate dayOf(long timestamp) {
        long quarter = Math.floorDiv(timestamp - 1, QUARTER_HOUR);
        if (quarter != lastQuarter) {
            lastDay = IntervalConvention.localTimeOf(timestamp, zone).toLocalDate();
            lastQuarter = quarter;
        }
        return lastDay;
    }
}

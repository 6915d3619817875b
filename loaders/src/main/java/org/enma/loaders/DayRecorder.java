package org.enma.loaders;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;
import org.enma.schema.IntervalConvention;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableKind;

/**
 * The contract-days of one load, told to {@link LoadedDays} chunk by chunk before the chunk's rows are written, each
 * day once. Only consumption tables have period tables; other loads tell nothing. A row's day is derived from its
 * key; consecutive rows mostly share a quarter hour, whose day is computed once.
 */
final class DayRecorder {
    private static final long QUARTER_HOUR = 900;

    private final EnmaTable table;
    private final ZoneId zone;
    private final LoadedDays listener;
    private final Set<ContractDay> told = new HashSet<>();
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

    /** Tells the days of {@code puts} (null: a rejected row) not told before in this load. */
    void beforeWriting(Put[] puts) {
        if (listener == LoadedDays.NONE) {
            return;
        }
        Set<ContractDay> fresh = new HashSet<>();
        for (Put put : puts) {
            if (put != null) {
                MeasureKey key = MeasureKey.decode(put.getRow());
                ContractDay day = new ContractDay(key.id(), dayOf(key.timestamp()));
                if (told.add(day)) {
                    fresh.add(day);
                }
            }
        }
        if (!fresh.isEmpty()) {
            listener.about(table, fresh);
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

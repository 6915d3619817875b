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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;
import org.enma.schema.IntervalConvention;
import org.enma.schema.MeasureKey;

/**
 * The contract-days of one load, told to {@link LoadedDays} batch by batch before the batch's rows are written ({@link
 * #add} the days of a batch's chunks, then {@link #tell}): each new contract-day, and a day whole once more than
 * {@link LoadedDays#wholeDayAfter} of its contracts were told — after which none of its contracts is told again.
 * Bounded whatever the file's size: it remembers at most {@value #REMEMBERED} contract-days (then forgets them: one
 * told again is recorded again, which changes nothing) and a count per day. Only consumption tables have period
 * tables; other loads tell nothing.
 */
final class DayRecorder implements AutoCloseable {
    static final int REMEMBERED = 200_000;
    /**
     * The most contract-days taken and not yet told: a sink whose rows show only at its commit tells when this many
     * wait (or at the end of the file), so that the recording is a few bulk writes rather than one per batch of rows.
     */
    static final int MOST_UNTOLD = 100_000;

    private final EnmaTable table;
    private final ZoneId zone;
    private final LoadedDays listener;
    private final Set<ContractDay> told = new HashSet<>();
    private final Map<LocalDate, Integer> toldPerDay = new HashMap<>();
    private final Set<LocalDate> whole = new HashSet<>();
    /** Taken and not yet told, by day. */
    private final Map<LocalDate, List<ContractDay>> fresh = new TreeMap<>();
    private int freshCount;
    private ExecutorService teller;

    private DayRecorder(EnmaTable table, ZoneId zone, LoadedDays listener) {
        this.table = table;
        this.zone = zone;
        this.listener = listener;
    }

    static DayRecorder of(EnmaTable table, ZoneId zone, LoadedDays listener) {
        return new DayRecorder(table, zone, table.kind().consumption() ? listener : LoadedDays.NONE);
    }

    /**
     * What gives a chunk's contract-days for this load: {@link #daysOf} in its zone, or nothing for a table without
     * period tables. Stateless: the row workers call it beside the mapping, on every core.
     */
    Function<Put[], List<ContractDay>> ofChunk() {
        return listener == LoadedDays.NONE ? puts -> List.of() : puts -> daysOf(puts, zone);
    }

    /**
     * The contract-days of {@code puts} (null: a rejected row) in row order, one per run of rows of the same contract
     * and day: a file sorted by contract has a day's rows together, so a chunk of 2,048 hourly rows gives about 85.
     * A row's day comes from its key; the local day is computed only when a row falls outside the epoch range of the
     * day before (a time-zone lookup per row was a twentieth of a load's client CPU).
     */
    static List<ContractDay> daysOf(Put[] puts, ZoneId zone) {
        List<ContractDay> days = new ArrayList<>();
        // the interval convention's instants (timestamp - 1 s) that belong to `day`: [dayStart, dayEnd)
        long dayStart = 0;
        long dayEnd = 0;
        LocalDate day = null;
        ContractDay last = null;
        byte[] lastKey = null;
        for (Put put : puts) {
            if (put == null) {
                continue;
            }
            byte[] key = put.getRow();
            long timestamp = MeasureKey.timestampOf(key);
            if (timestamp - 1 < dayStart || timestamp - 1 >= dayEnd) {
                day = IntervalConvention.localTimeOf(timestamp, zone).toLocalDate();
                dayStart = day.atStartOfDay(zone).toEpochSecond();
                dayEnd = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
            }
            // the id decoded only where it changes: a String per row was a third of this walk
            if (last == null || !last.day().equals(day) || !MeasureKey.sameId(key, lastKey)) {
                last = new ContractDay(MeasureKey.idOf(key), day);
                days.add(last);
            }
            lastKey = key;
        }
        return days;
    }

    /** Takes {@code days} (of a chunk) not told before in this load, to tell next. */
    void add(List<ContractDay> days) {
        for (ContractDay contractDay : days) {
            if (!whole.contains(contractDay.day()) && told.add(contractDay)) {
                fresh.computeIfAbsent(contractDay.day(), d -> new ArrayList<>()).add(contractDay);
                freshCount++;
            }
        }
    }

    /** Whether {@value #MOST_UNTOLD} contract-days wait to be told. */
    boolean full() {
        return freshCount >= MOST_UNTOLD;
    }

    /**
     * Tells the days taken since the last call, in one call of the listener on the recorder's own thread (one at a
     * time, in order): the returned future completes once they are recorded — the caller waits for it before it writes
     * their rows, and meanwhile reads on.
     */
    Future<?> tell() {
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
        freshCount = 0;
        if (told.size() > REMEMBERED) {
            told.clear();
        }
        if (days.isEmpty() && wholeDays.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (teller == null) {
            teller = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "enma-day-recorder");
                t.setDaemon(true);
                return t;
            });
        }
        return teller.submit(() -> listener.about(table, days, wholeDays));
    }

    @Override
    public void close() {
        if (teller != null) {
            teller.shutdownNow();
        }
    }
}

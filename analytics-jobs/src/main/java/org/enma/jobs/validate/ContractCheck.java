package org.enma.jobs.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.client.Mutation;
import org.enma.jobs.derive.CellChanges;
import org.enma.jobs.derive.SlotMatch;
import org.enma.jobs.derive.TariffSlot;
import org.enma.jobs.read.Measure;
import org.enma.schema.DecimalText;
import org.enma.schema.IntervalConvention;
import org.enma.schema.LocalClock;
import org.enma.schema.MeasureColumns;
import org.enma.schema.MeasureKey;

/**
 * Validates one contract's measures (docs/analytics.md § Validation and estimation): the interval of each day, the
 * rules, the estimates, and what they change in the measure table and the trust table. It is handed the contract's
 * measures in time order over the validated days and the context around them — the 29 days before (the spike rule's
 * history and the like days) and some after (the bound of a run that ends after the last validated day) — and judges,
 * writes and counts only the validated days; the context keeps its stored verdicts.
 */
final class ContractCheck {
    /** The days of history a spike is measured against, and the fewest measures that make a median. */
    static final int HISTORY_DAYS = 28;
    static final int HISTORY_MEASURES = 96;
    static final long ZERO_RUN_SECONDS = 48 * 3600L;
    private static final int LIKE_WEEKS = 4;
    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");
    private static final List<String> VEE_CELLS = List.of(MeasureColumns.V, MeasureColumns.CALC, MeasureColumns.EST,
            MeasureColumns.Q, MeasureColumns.RAW);
    private static final List<String> ESTIMATE_CELLS = concat(VEE_CELLS, MeasureColumns.TARIFF_SLOT);

    /** What validating a contract gave: the writes, the trust rows of its validated days, the days it changed. */
    record Verdict(List<Mutation> writes, List<TrustDay> days, Set<LocalDate> changed, long measures) {
    }

    /** An estimated value and how it was made, for an interval ending at a timestamp. */
    private record Estimated(BigDecimal value, String method) {
    }

    private final String contractId;
    private final ZoneId zone;
    private final Thresholds thresholds;
    private final long now;
    private final Double power;
    private final List<TariffSlot> slots;
    private final Predicate<LocalDate> validated;
    private final LocalClock clock;
    private final Reading[] readings;
    /** The readings' timestamps, ascending, and the interval of each one's day. */
    private final long[] times;
    private final int[] intervalAt;
    private final NavigableMap<LocalDate, Integer> intervals;
    private final Map<Long, Estimated> estimates = new HashMap<>();
    private final Map<LocalDate, Map<Rule, Integer>> information = new HashMap<>();

    /**
     * @param measures  the contract's measures in time order, validated days and context
     * @param validated which local days to judge
     * @param power     the customer's contracted power in kW, or null
     * @param now       the moment of validation (epoch seconds): later timestamps are {@code future}
     */
    ContractCheck(String contractId, List<Measure> measures, Predicate<LocalDate> validated, Double power,
                  List<TariffSlot> slots, ZoneId zone, long now, Thresholds thresholds) {
        this.contractId = contractId;
        this.zone = zone;
        this.thresholds = thresholds;
        this.now = now;
        this.power = power;
        this.slots = slots;
        this.validated = validated;
        this.clock = new LocalClock(zone);
        this.readings = new Reading[measures.size()];
        this.times = new long[readings.length];
        LocalDate[] days = new LocalDate[readings.length];
        boolean judged = false;
        for (int i = 0; i < readings.length; i++) {
            Measure m = measures.get(i);
            days[i] = clock.dayOf(m.timestamp());
            // the clock hands out one date a day: a new one is a new day
            if (i == 0 || days[i] != days[i - 1]) {
                judged = validated.test(days[i]);
            }
            readings[i] = new Reading(m, days[i], judged);
            times[i] = m.timestamp();
        }
        this.intervals = Interval.perDay(times, days);
        this.intervalAt = new int[readings.length];
        for (int i = 0; i < readings.length; i++) {
            intervalAt[i] = i > 0 && days[i] == days[i - 1] ? intervalAt[i - 1] : intervalOf(days[i]);
            // a reading off its grid is judged as it is: the index that follows it derives from it
            readings[i].covering = i > 0 && readings[i].derived() && intervalAt[i] != Interval.UNKNOWN
                    && times[i] - times[i - 1] > intervalAt[i] && Interval.onGrid(times[i], intervalAt[i], clock);
        }
    }

    Verdict run() {
        if (readings.length == 0) {
            return new Verdict(List.of(), List.of(), Set.of(), 0);
        }
        boolean[] frozen = runs(r -> r.value != null && r.value.signum() != 0, thresholds::frozenSeconds, true);
        boolean[] zero = runs(r -> r.value != null && r.value.signum() == 0, interval -> ZERO_RUN_SECONDS, false);
        judge(frozen, zero);
        estimate();
        return verdict();
    }

    private int intervalOf(LocalDate day) {
        Integer interval = intervals.get(day);
        return interval == null ? Interval.UNKNOWN : interval;
    }

    /**
     * Marks the readings in runs of consecutive measures (one interval apart) that all pass {@code member} and, when
     * {@code sameValue}, carry the same value, lasting at least {@code least(interval)} seconds.
     */
    private boolean[] runs(Predicate<Reading> member, java.util.function.IntToLongFunction least, boolean sameValue) {
        boolean[] marked = new boolean[readings.length];
        int start = 0;
        for (int i = 0; i <= readings.length; i++) {
            boolean continues = i < readings.length && i > start && member.test(readings[start])
                    && member.test(readings[i]) && times[i] - times[i - 1] == intervalAt[i]
                    && (!sameValue || readings[i].value.compareTo(readings[start].value) == 0);
            if (continues) {
                continue;
            }
            if (i > start && member.test(readings[start])) {
                int interval = intervalAt[start];
                long lasts = readings[i - 1].timestamp - readings[start].timestamp + interval;
                if (interval != Interval.UNKNOWN && lasts >= least.applyAsLong(interval)) {
                    Arrays.fill(marked, start, i, true);
                }
            }
            start = i;
        }
        return marked;
    }

    /** The rules, day by day in time order: a day's spikes are measured against the days before, as judged. */
    private void judge(boolean[] frozen, boolean[] zero) {
        SpikeHistory history = new SpikeHistory(readings, intervalAt);
        int i = 0;
        while (i < readings.length) {
            LocalDate day = readings[i].day;
            int interval = intervalAt[i];
            Double median = readings[i].validated ? history.medianBefore(day, interval) : null;
            for (; i < readings.length && readings[i].day == day; i++) {
                Reading r = readings[i];
                if (!r.validated) {
                    continue;
                }
                if (zero[i]) {
                    information.computeIfAbsent(day, d -> new EnumMap<>(Rule.class)).merge(Rule.ZERO_RUN, 1,
                            Integer::sum);
                }
                if (r.value == null || r.covering) {
                    continue;
                }
                if (offGrid(i, interval)) {
                    r.breaks(Rule.OFF_GRID);
                }
                if (r.timestamp > now) {
                    r.breaks(Rule.FUTURE);
                }
                if (r.value.signum() < 0) {
                    r.breaks(Rule.NEGATIVE);
                }
                if (spike(r.value.doubleValue(), interval, median)) {
                    r.breaks(Rule.SPIKE);
                }
                if (frozen[i]) {
                    r.breaks(Rule.FROZEN);
                }
            }
        }
    }

    /**
     * Whether reading {@code i} is off the grid of its day's {@code interval} — unless it follows the reading before
     * it by an interval of its own and is on that one's grid: a meter that changed interval during the day (a swap
     * from hourly to 15 minutes) reads on its new grid, and is not at fault.
     */
    private boolean offGrid(int i, int interval) {
        long timestamp = times[i];
        if (Interval.onGrid(timestamp, interval, clock)) {
            return false;
        }
        int own = i == 0 ? Interval.UNKNOWN : Interval.of(timestamp - times[i - 1]);
        return own == Interval.UNKNOWN || !Interval.onGrid(timestamp, own, clock);
    }

    private boolean spike(double v, int interval, Double median) {
        if (interval == Interval.UNKNOWN) {
            return false;
        }
        double hours = interval / 3600.0;
        if (power != null && v > 1.5 * power * hours) {
            return true;
        }
        return median != null && v > thresholds.spikeFactor() * median && v > thresholds.spikeFloor() * hours;
    }

    /** Each run between two actual measures, one interval apart on the later one's day, estimated when short enough. */
    private void estimate() {
        Reading before = null;
        for (Reading after : readings) {
            if (!after.actual()) {
                continue;
            }
            if (before != null) {
                estimateBetween(before, after);
            }
            before = after;
        }
    }

    private void estimateBetween(Reading before, Reading after) {
        int interval = intervalOf(after.day);
        long span = after.timestamp - before.timestamp;
        if (interval == Interval.UNKNOWN || span <= interval || span % interval != 0) {
            return;
        }
        int n = (int) (span / interval) - 1;
        long[] slots = new long[n];
        boolean anyValidated = false;
        for (int k = 0; k < n; k++) {
            slots[k] = before.timestamp + (k + 1L) * interval;
            anyValidated |= validatedDay(slots[k]);
        }
        if (!anyValidated) {
            return;
        }
        BigDecimal total = meterTotal(before, after);
        List<BigDecimal> values;
        String method;
        if ((long) n * interval <= Math.round(thresholds.linearHours() * 3600)) {
            method = Estimate.LINEAR;
            values = total != null ? Estimate.split(total, n) : Estimate.interpolate(before.value, after.value, n);
        } else if ((long) n * interval <= (long) thresholds.likeDayDays() * Interval.DAY) {
            method = Estimate.LIKE_DAY;
            values = likeDays(slots);
            if (values == null) {
                return;
            }
            values = total != null ? Estimate.scaled(values, total) : values;
        } else {
            return;
        }
        for (int k = 0; k < n; k++) {
            estimates.put(slots[k], new Estimated(values.get(k), method));
        }
    }

    /** Whether the interval ending at {@code timestamp}, between two of the contract's readings, is judged now. */
    private boolean validatedDay(long timestamp) {
        return validated.test(dayOf(timestamp));
    }

    private LocalDate dayOf(long timestamp) {
        return clock.dayOf(timestamp);
    }

    /** The index of the reading stamped {@code timestamp}, or a negative number when there is none. */
    private int readingAt(long timestamp) {
        return Arrays.binarySearch(times, timestamp);
    }

    /** {@code va(after) − va(before) − v(after)} when both carry a reading and it is not negative, else null. */
    private static BigDecimal meterTotal(Reading before, Reading after) {
        String from = before.va;
        String to = after.va;
        if (from == null || to == null) {
            return null;
        }
        try {
            BigDecimal total = DecimalText.parse(MeasureColumns.VA, to).subtract(DecimalText.parse(MeasureColumns.VA,
                    from)).subtract(after.value);
            return total.signum() < 0 ? null : total;
        } catch (org.enma.schema.EnmaException notANumber) {
            return null;
        }
    }

    /** Each slot's mean of the actual values at its local time in the 4 weeks before; null if a slot has none. */
    private List<BigDecimal> likeDays(long[] slots) {
        List<BigDecimal> values = new ArrayList<>(slots.length);
        for (long slot : slots) {
            LocalDateTime local = IntervalConvention.localTimeOf(slot + 1, zone);
            List<BigDecimal> like = new ArrayList<>(LIKE_WEEKS);
            for (int w = 1; w <= LIKE_WEEKS; w++) {
                int at = readingAt(ZonedDateTime.ofLocal(local.minusWeeks(w), zone, null).toEpochSecond());
                if (at >= 0 && readings[at].actual()) {
                    like.add(readings[at].value);
                }
            }
            if (like.isEmpty()) {
                return null;
            }
            values.add(Estimate.mean(like));
        }
        return values;
    }

    /** The writes that bring the validated days' cells to what was found, and their trust rows. */
    private Verdict verdict() {
        List<Mutation> writes = new ArrayList<>();
        Set<LocalDate> changed = new TreeSet<>();
        NavigableMap<LocalDate, DayTally> days = new TreeMap<>();
        // the values the validated days end up with, for the register check: at readings, and estimated into gaps
        BigDecimal[] used = new BigDecimal[readings.length];
        NavigableMap<Long, BigDecimal> usedInGaps = new TreeMap<>();
        long measures = 0;
        DayTally tally = null;
        for (int i = 0; i < readings.length; i++) {
            Reading r = readings[i];
            if (!r.validated) {
                continue;
            }
            // an earlier estimate has no value of its own to judge
            measures += r.value == null ? 0 : 1;
            Estimated e = estimates.isEmpty() ? null : estimates.get(r.timestamp);
            // a covering value no run could spread stays as it is, and counts
            boolean kept = r.actual() || r.covering && e == null;
            used[i] = kept ? r.value : e == null ? null : e.value();
            List<Mutation> changes = changes(r, e);
            if (!changes.isEmpty()) {
                writes.addAll(changes);
                changed.add(r.day);
            }
            if (tally == null || tally.day() != r.day) {
                tally = days.computeIfAbsent(r.day, this::emptyDay);
            }
            tally.count(kept, e != null, r.suspect(), r.broken);
        }
        for (Map.Entry<Long, Estimated> slot : estimates.entrySet()) {
            LocalDate day = dayOf(slot.getKey());
            if (readingAt(slot.getKey()) >= 0 || !validated.test(day)) {
                continue;
            }
            usedInGaps.put(slot.getKey(), slot.getValue().value());
            writes.addAll(CellChanges.of(key(slot.getKey()), ESTIMATE_CELLS, Map.of(),
                    estimateCells(slot.getKey(), slot.getValue())));
            changed.add(day);
            days.computeIfAbsent(day, this::emptyDay).count(false, true, false, Set.of());
        }
        // the days between the first reading and the last that are judged and have no measure at all
        for (LocalDate d = readings[0].day; !d.isAfter(readings[readings.length - 1].day); d = d.plusDays(1)) {
            if (validated.test(d)) {
                days.computeIfAbsent(d, this::emptyDay);
            }
        }
        registerMismatches(used, usedInGaps);
        List<TrustDay> rows = new ArrayList<>(days.size());
        days.values().forEach(day -> rows.add(day.row(information.get(day.day()))));
        return new Verdict(writes, rows, changed, measures);
    }

    private DayTally emptyDay(LocalDate day) {
        int interval = intervalOf(day);
        return new DayTally(contractId, day, interval, Interval.expected(day, interval, zone));
    }

    /**
     * {@code registerMismatch} of each validated day: the values (actual and estimated: {@code used} at the readings,
     * {@code usedInGaps} between them) of the intervals its first and last cumulative readings span against
     * {@code va(last) − va(first) + v(first)}, off by more than 1 % and 0.01.
     */
    private void registerMismatches(BigDecimal[] used, NavigableMap<Long, BigDecimal> usedInGaps) {
        int i = 0;
        while (i < readings.length) {
            LocalDate day = readings[i].day;
            int first = -1;
            int last = -1;
            for (; i < readings.length && readings[i].day == day; i++) {
                if (readings[i].validated && readings[i].va != null) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0 && first != last && used[first] != null) {
                checkRegister(day, first, last, used, usedInGaps);
            }
        }
    }

    private void checkRegister(LocalDate day, int first, int last, BigDecimal[] used,
                               NavigableMap<Long, BigDecimal> usedInGaps) {
        try {
            BigDecimal meter = DecimalText.parse(MeasureColumns.VA, readings[last].va)
                    .subtract(DecimalText.parse(MeasureColumns.VA, readings[first].va)).add(used[first]);
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = first; k <= last; k++) {
                sum = used[k] == null ? sum : sum.add(used[k]);
            }
            for (BigDecimal gap : usedInGaps.subMap(times[first], true, times[last], true).values()) {
                sum = sum.add(gap);
            }
            BigDecimal off = sum.subtract(meter).abs();
            if (off.compareTo(ONE_PERCENT) > 0 && off.compareTo(meter.abs().multiply(ONE_PERCENT)) > 0) {
                information.computeIfAbsent(day, d -> new EnumMap<>(Rule.class)).put(Rule.REGISTER_MISMATCH, 1);
            }
        } catch (org.enma.schema.EnmaException notANumber) {
            // a bad va cell, counted by the read: no register to compare with
        }
    }

    /** The writes that bring validated reading {@code r}'s cells to its verdict ({@code e}: its estimate, or null). */
    private List<Mutation> changes(Reading r, Estimated e) {
        if (r.actual() && r.raw == null && r.est == null && r.q == null) {
            // an uploaded or derived value that passed, and no verdict stored: its cells are what they should be
            return List.of();
        }
        Map<String, String> wanted = new HashMap<>();
        byte[] key = key(r.timestamp);
        if (r.covering) {
            return e == null ? List.of() : CellChanges.of(key, ESTIMATE_CELLS, r.texts(),
                    estimateCells(r.timestamp, e));
        }
        if (r.actual()) {
            wanted.put(MeasureColumns.V, r.text);
            String calc = r.raw == null ? r.calc
                    // a value set aside earlier and sound now: uploaded, unless the row has a reading to derive from
                    : r.va == null ? "0" : "1";
            if (calc != null) {
                wanted.put(MeasureColumns.CALC, calc);
            }
            return CellChanges.of(key, VEE_CELLS, r.texts(), wanted);
        }
        if (r.value != null) {
            wanted.put(MeasureColumns.Q, r.broken.stream().filter(Rule::fails).map(Rule::qualifier)
                    .collect(Collectors.joining(",")));
            wanted.put(MeasureColumns.RAW, r.text);
            if (e == null) {
                return CellChanges.of(key, VEE_CELLS, r.texts(), wanted);
            }
            wanted.putAll(estimateCells(r.timestamp, e));
            return CellChanges.of(key, ESTIMATE_CELLS, r.texts(), wanted);
        }
        if (e != null) {
            return CellChanges.of(key, ESTIMATE_CELLS, r.texts(), estimateCells(r.timestamp, e));
        }
        if (r.est == null) {
            return List.of();
        }
        // an earlier estimate that no run bounds any more: gone, and with it the row if the estimate made it
        return CellChanges.of(key, r.va == null ? ESTIMATE_CELLS : VEE_CELLS, r.texts(),
                Map.of());
    }

    private Map<String, String> estimateCells(long timestamp, Estimated e) {
        Map<String, String> cells = new HashMap<>();
        SlotMatch.of(slots, IntervalConvention.localTimeOf(timestamp, zone)).slot()
                .ifPresent(slot -> cells.putAll(slot.measureCells()));
        cells.put(MeasureColumns.V, DecimalText.format(e.value()));
        cells.put(MeasureColumns.CALC, "1");
        cells.put(MeasureColumns.EST, e.method());
        return cells;
    }

    private byte[] key(long timestamp) {
        return MeasureKey.of(timestamp, contractId).encode();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}

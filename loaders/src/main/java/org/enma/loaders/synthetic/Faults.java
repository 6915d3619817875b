package org.enma.loaders.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What a head-end export gets wrong, injected into one contract's readings as {@link SyntheticCompany} writes them, with
 * each fault written to {@code faults.csv} ({@code contractId,timestamp,kind,value}: the reading's timestamp, the
 * fault, and the true consumption of its interval where one was removed or replaced) as the ground truth validation is
 * measured against. The rates, per contract and day of readings (docs/cli.md § enma generate):
 * <ul>
 * <li>{@code gap}: {@value #GAPS_PER_DAY}; its length 1 interval to 2 hours (70 %), 2 hours to a day (25 %) or 1 to 3
 * days (5 %); one line per reading left out;</li>
 * <li>{@code spike}: {@value #SPIKES_PER_DAY}, from the 29th day of readings on (before, no history tells a spike) and
 * only below daily readings (a month of days is too little history): 20 to 100 times the contract's typical
 * value;</li>
 * <li>{@code frozen}: {@value #FROZEN_PER_DAY}: 8 to 16 hours (5 to 7 days of daily readings) repeating the run's first
 * value; every reading of the run;</li>
 * <li>{@code negative}: {@value #NEGATIVES_PER_DAY}: the value with a minus sign;</li>
 * <li>{@code offGrid}: {@value #OFF_GRID_PER_DAY}: the reading stamped 7 minutes late (an hour late for daily
 * readings), at that timestamp;</li>
 * <li>{@code meterSwap}: one contract in {@value #SWAPPED_CONTRACTS_IN}, once, at a midnight in the middle third of its
 * readings: the index restarts at 0 and the interval changes (hourly ↔ 15 minutes, 30 minutes or daily → hourly).</li>
 * </ul>
 * Contracts that upload only the index get gaps, off-grid readings and swaps: their values are derived later. One fault
 * at a time: a reading inside a gap or a frozen run gets no other.
 */
final class Faults {
    static final double GAPS_PER_DAY = 0.05;
    static final double SPIKES_PER_DAY = 0.01;
    static final double FROZEN_PER_DAY = 0.005;
    static final double NEGATIVES_PER_DAY = 0.005;
    static final double OFF_GRID_PER_DAY = 0.005;
    static final int SWAPPED_CONTRACTS_IN = 10;
    static final String HEADER = "contractId,timestamp,kind,value\n";
    private static final long DAY = 86_400;
    private static final int HISTORY_DAYS = 28;

    private final Writer truth;
    private final SplittableRandom random;
    private final String contractId;
    private final boolean uploadsV;
    private final long firstReading;
    /** The timestamp of the swap, or {@code Long.MAX_VALUE} when this contract keeps its meter (or swapped it). */
    private long swapAt;
    private long step;
    private int gapLeft;
    private int frozenLeft;
    private String frozenValue;

    /** The readings of one contract: the first is stamped {@code firstReading}, the last {@code lastReading}. */
    Faults(Writer truth, SplittableRandom random, String contractId, boolean uploadsV, long firstReading,
           long lastReading, long step) {
        this.truth = truth;
        this.random = random;
        this.contractId = contractId;
        this.uploadsV = uploadsV;
        this.firstReading = firstReading;
        this.step = step;
        long days = (lastReading - firstReading) / DAY;
        this.swapAt = random.nextInt(SWAPPED_CONTRACTS_IN) == 0 && days >= 3
                ? Math.floorDiv(firstReading, DAY) * DAY + (days / 3 + random.nextLong(Math.max(1, days / 3))) * DAY
                : Long.MAX_VALUE;
    }

    /**
     * Whether the meter is swapped before the reading stamped {@code ts}: then the index restarts, the interval is
     * {@link #step}, and the new meter's first reading is the first on its grid after the old one's last ({@code ts}
     * minus the old interval): {@link #next}.
     */
    boolean swapsAt(long ts) throws IOException {
        if (ts < swapAt) {
            return false;
        }
        swapAt = Long.MAX_VALUE;
        long last = ts - step;
        step = step == 3600 ? 900 : 3600;
        write(next(last), "meterSwap", "");
        return true;
    }

    long step() {
        return step;
    }

    /** The first timestamp after {@code last} on the grid of the (new) interval. */
    long next(long last) {
        return Math.floorDiv(last, step) * step + step;
    }

    /** Whether a gap or a frozen run is under way. */
    boolean inRun() {
        return gapLeft > 0 || frozenLeft > 0;
    }

    /** A reading as written: its timestamp and its {@code v} text (empty for index-only contracts), or none. */
    record Reading(long timestamp, String v) {
    }

    /**
     * What becomes of the reading stamped {@code ts} whose interval truly used {@code kwh} ({@code v} its text), for
     * a contract whose typical reading is {@code typical}: written as it is, faulty, or left out (null).
     */
    Reading of(long ts, double kwh, String v, double typical) throws IOException {
        if (gapLeft > 0) {
            gapLeft--;
            write(ts, "gap", v);
            return null;
        }
        if (frozenLeft > 0) {
            frozenLeft--;
            write(ts, "frozen", v);
            return new Reading(ts, frozenValue);
        }
        double perReading = (double) step / DAY;
        double draw = random.nextDouble();
        if (draw < GAPS_PER_DAY * perReading) {
            gapLeft = gapLength() - 1;
            write(ts, "gap", v);
            return null;
        }
        draw -= GAPS_PER_DAY * perReading;
        if (draw < OFF_GRID_PER_DAY * perReading) {
            long late = ts + (step == DAY ? 3600 : 420);
            write(late, "offGrid", v);
            return new Reading(late, v);
        }
        draw -= OFF_GRID_PER_DAY * perReading;
        if (!uploadsV) {
            return new Reading(ts, v);
        }
        if (draw < FROZEN_PER_DAY * perReading) {
            long hours = step == DAY ? 24L * (5 + random.nextInt(3)) : 8 + random.nextInt(9);
            frozenLeft = (int) Math.max(1, hours * 3600 / step) - 1;
            frozenValue = v;
            write(ts, "frozen", v);
            return new Reading(ts, v);
        }
        draw -= FROZEN_PER_DAY * perReading;
        if (draw < NEGATIVES_PER_DAY * perReading) {
            write(ts, "negative", v);
            return new Reading(ts, "-" + v);
        }
        draw -= NEGATIVES_PER_DAY * perReading;
        if (draw < SPIKES_PER_DAY * perReading && step < DAY && ts - firstReading >= (HISTORY_DAYS + 1) * DAY) {
            write(ts, "spike", v);
            return new Reading(ts, SyntheticCompany.decimal(typical * (20 + random.nextDouble() * 80), 3));
        }
        return new Reading(ts, v);
    }

    /** How many readings a gap leaves out. */
    private int gapLength() {
        double kind = random.nextDouble();
        long seconds = kind < 0.7 ? step + random.nextLong(Math.max(1, 7200 - step + 1))
                : kind < 0.95 ? 7200 + random.nextLong(DAY - 7200) : DAY + random.nextLong(2 * DAY);
        return (int) Math.max(1, seconds / step);
    }

    private void write(long ts, String kind, String value) throws IOException {
        truth.write(contractId + "," + Instant.ofEpochSecond(ts) + "," + kind + "," + value + "\n");
    }
}

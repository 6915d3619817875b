package org.enma.jobs.read;

import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import org.apache.spark.util.AccumulatorV2;
import org.bson.Document;
import org.enma.store.JobRuns;

/**
 * The measures a read skipped because a cell the data model says is a number is not one (written by another tool, or
 * by an older version): counted, with the first few in key order (the same few on every run), so that a job goes on
 * and its report says what it left out. A Spark accumulator: the executors add, the driver reads the total after the
 * action. A task Spark retries counts its bad cells again, so after a retry the count may be too high, never too low.
 */
public final class BadCells extends AccumulatorV2<String, BadCells.Seen> {
    /** The skip reason of such a measure in job reports and {@code jobRuns}. */
    public static final String REASON = "badCell";
    /** How many of the skipped cells a report names. */
    static final int NAMED = 5;

    /**
     * The accumulators {@link EnmaData} shares with the {@code enma} data source on this driver, by id; held weakly,
     * so a long-lived driver that opens EnmaData for job after job keeps none of them alive.
     */
    private static final Map<String, WeakReference<BadCells>> SHARED = new ConcurrentHashMap<>();

    private transient String sharedAs;
    private long count;
    private TreeSet<String> first = new TreeSet<>();

    /** What was skipped: how many measures, and the first {@value #NAMED} as {@code <row key> m:<qualifier>}. */
    public record Seen(long count, List<String> first) implements Serializable {
        public static final Seen NONE = new Seen(0, List.of());
    }

    /**
     * An id by which a read of the {@code enma} data source on this driver counts its bad cells here (a Spark option
     * carries text only).
     */
    public synchronized String share() {
        if (sharedAs == null) {
            SHARED.values().removeIf(shared -> shared.get() == null);
            sharedAs = UUID.randomUUID().toString();
            SHARED.put(sharedAs, new WeakReference<>(this));
        }
        return sharedAs;
    }

    /**
     * {@code counts} as {@code jobRuns} records a job's: with {@code skipped: {badCell: n}}, and the first keys skipped
     * ({@code badCellKeys}) when there are any.
     */
    public static Document appended(Document counts, Seen seen) {
        counts.append("skipped", new Document(REASON, seen.count()));
        if (seen.count() > 0) {
            counts.append(JobRuns.BAD_CELL_KEYS, seen.first());
        }
        return counts;
    }

    /** The accumulator {@link #share()} gave {@code id}, when it was shared by this JVM. */
    public static Optional<BadCells> shared(String id) {
        return Optional.ofNullable(SHARED.get(id)).map(WeakReference::get);
    }

    @Override
    public boolean isZero() {
        return count == 0;
    }

    @Override
    public BadCells copy() {
        BadCells copy = new BadCells();
        copy.count = count;
        copy.first = new TreeSet<>(first);
        return copy;
    }

    @Override
    public void reset() {
        count = 0;
        first = new TreeSet<>();
    }

    /** {@code cell}: the row key and qualifier of one skipped measure's bad cell. */
    @Override
    public void add(String cell) {
        count++;
        keep(cell);
    }

    @Override
    public void merge(AccumulatorV2<String, Seen> other) {
        BadCells them = (BadCells) other;
        count += them.count;
        them.first.forEach(this::keep);
    }

    private void keep(String cell) {
        first.add(cell);
        if (first.size() > NAMED) {
            first.pollLast();
        }
    }

    @Override
    public Seen value() {
        return new Seen(count, List.copyOf(first));
    }
}

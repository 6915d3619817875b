package org.enma.jobs.source;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.MeasureColumns;

/**
 * The filters of a query on a measure table that the scan itself applies: comparisons on {@code timestamp} and on
 * {@code date} narrow one time range that becomes the start and stop rows of every bucket's scan; {@code id = x} and
 * {@code id IN (...)} become a row filter the region server applies. Every other filter stays with Spark. Timestamps
 * are whole seconds, so each comparison turns into a range of seconds exactly; a date is the one the interval
 * convention gives (a measure stamped at midnight belongs to the day before).
 */
final class MeasureFilters implements Serializable {
    private final String idColumn;
    private final ZoneId zone;
    private final List<Filter> pushed = new ArrayList<>();
    private long from;
    private long to = Long.MAX_VALUE;
    private Set<String> ids;
    private boolean withoutVDropped;

    MeasureFilters(String idColumn, ZoneId zone) {
        this.idColumn = idColumn;
        this.zone = zone;
    }

    /** Takes the filters the scan can apply; returns the others, for Spark to apply to the rows read. */
    Filter[] push(Filter[] filters) {
        List<Filter> rest = new ArrayList<>();
        for (Filter filter : filters) {
            if (take(filter)) {
                pushed.add(filter);
            } else {
                withoutVDropped |= filter instanceof IsNotNull f && f.attribute().equals(MeasureColumns.V);
                rest.add(filter);
            }
        }
        return rest.toArray(Filter[]::new);
    }

    /**
     * Whether the query drops the rows without {@code v} itself ({@code v IS NOT NULL}, which Spark also infers from
     * {@code v > 10} and the like): then the scan need not bring them. Spark still applies the filter.
     */
    boolean withoutVDropped() {
        return withoutVDropped;
    }

    Filter[] pushed() {
        return pushed.toArray(Filter[]::new);
    }

    /** The one time range the pushed filters leave (none when they contradict each other). */
    List<TimeRange> times() {
        return from < to ? List.of(new TimeRange(from, to)) : List.of();
    }

    /** The ids the pushed filters leave; empty: every id (see {@link #noId()} for none at all). */
    Set<String> ids() {
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    /** Whether the pushed id filters contradict each other (no id can match). */
    boolean noId() {
        return ids != null && ids.isEmpty();
    }

    private boolean take(Filter filter) {
        if (filter instanceof EqualTo f && f.attribute().equals(idColumn) && f.value() instanceof String id) {
            return keepIds(Set.of(id));
        }
        if (filter instanceof In f && f.attribute().equals(idColumn)
                && Arrays.stream(f.values()).allMatch(v -> v instanceof String)) {
            Set<String> in = new HashSet<>();
            Arrays.stream(f.values()).forEach(v -> in.add((String) v));
            return keepIds(in);
        }
        if (filter instanceof EqualTo f) {
            return atLeast(f.attribute(), f.value(), false) && atMost(f.attribute(), f.value(), true);
        }
        if (filter instanceof GreaterThanOrEqual f) {
            return atLeast(f.attribute(), f.value(), false);
        }
        if (filter instanceof GreaterThan f) {
            return atLeast(f.attribute(), f.value(), true);
        }
        if (filter instanceof LessThan f) {
            return atMost(f.attribute(), f.value(), false);
        }
        if (filter instanceof LessThanOrEqual f) {
            return atMost(f.attribute(), f.value(), true);
        }
        return false;
    }

    private boolean keepIds(Set<String> these) {
        if (ids == null) {
            ids = new HashSet<>(these);
        } else {
            ids.retainAll(these);
        }
        return true;
    }

    /** {@code column > value} (strictly) or {@code >=}: raises the first second to read. */
    private boolean atLeast(String column, Object value, boolean strictly) {
        Optional<Long> first = firstSecondAfter(column, value, strictly);
        first.ifPresent(s -> from = Math.max(from, s));
        return first.isPresent();
    }

    /** {@code column < value} or {@code <=} (inclusive): lowers the second the read stops before. */
    private boolean atMost(String column, Object value, boolean inclusive) {
        // column < v stops at the first second >= v; column <= v at the first second > v
        Optional<Long> stop = firstSecondAfter(column, value, inclusive);
        stop.ifPresent(s -> to = Math.min(to, s));
        return stop.isPresent();
    }

    /**
     * The first second whose rows compare {@code >} (strictly) or {@code >=} to {@code value} on {@code column}:
     * a timestamp in microseconds rounds to whole seconds; a date starts one second after its local midnight.
     */
    private Optional<Long> firstSecondAfter(String column, Object value, boolean strictly) {
        if (column.equals(SourceTable.TIMESTAMP)) {
            Optional<Long> micros = micros(value);
            return micros.map(m -> strictly ? Math.floorDiv(m, 1_000_000L) + 1
                    : -Math.floorDiv(-m, 1_000_000L)).map(s -> Math.max(0, s));
        }
        if (column.equals(SourceTable.DATE)) {
            Optional<LocalDate> date = date(value);
            return date.map(d -> (strictly ? d.plusDays(1) : d).atStartOfDay(zone).toEpochSecond() + 1)
                    .map(s -> Math.max(0, s));
        }
        return Optional.empty();
    }

    private static Optional<Long> micros(Object value) {
        if (value instanceof Timestamp t) {
            return Optional.of(Math.floorDiv(t.getTime(), 1000L) * 1_000_000L + t.getNanos() / 1000);
        }
        if (value instanceof Instant i) {
            return Optional.of(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(Object value) {
        if (value instanceof Date d) {
            return Optional.of(d.toLocalDate());
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d);
        }
        return Optional.empty();
    }
}

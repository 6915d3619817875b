package org.enma.jobs.read;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * One measure row as the readers hand it over: the id of its key (contractId, or stationId for weather), its
 * timestamp (epoch seconds, end of the interval), the values of {@code m:v} and {@code m:va}, each absent when the
 * row has none or the read did not ask for it, and the cells the read asked for as text ({@link MeasureFields}).
 */
public record Measure(String id, long timestamp, Double v, Double va, Map<String, String> texts)
        implements Serializable {

    public Optional<Double> instant() {
        return Optional.ofNullable(v);
    }

    /** The text of {@code m:<qualifier>}, when the row has it and the read asked for it. */
    public Optional<String> text(String qualifier) {
        return Optional.ofNullable(texts.get(qualifier));
    }
}

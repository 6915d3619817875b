package org.enma.jobs.read;

import java.io.Serializable;
import java.util.Optional;

/**
 * One measure row as the readers hand it over: the id of its key (contractId, or stationId for weather), its
 * timestamp (epoch seconds, end of the interval) and the values of {@code m:v} and {@code m:va}, each absent when the
 * row has none or the read did not ask for it.
 */
public record Measure(String id, long timestamp, Double v, Double va) implements Serializable {
    public Optional<Double> instant() {
        return Optional.ofNullable(v);
    }
}

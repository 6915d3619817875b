package org.enma.jobs;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an analytic gave one contract it saw: a result (its fields, in output order), or the reason it has none. An
 * analytic hands these over as Spark data, one per contract seen, and the tasks that compute them write the results
 * and count the rest: seen = results + skipped, always, and nothing per contract reaches the driver.
 */
public record Outcome(String contractId, Map<String, Object> fields, String skipped) implements Serializable {
    public Outcome {
        Objects.requireNonNull(contractId);
        if ((fields == null) == (skipped == null)) {
            throw new IllegalArgumentException("an outcome is a result or a skip reason, not both or neither");
        }
        fields = fields == null ? null : new LinkedHashMap<>(fields);
    }

    public static Outcome result(String contractId, Map<String, Object> fields) {
        return new Outcome(contractId, fields, null);
    }

    public static Outcome skipped(String contractId, String reason) {
        return new Outcome(contractId, null, reason);
    }

    public boolean isResult() {
        return fields != null;
    }
}

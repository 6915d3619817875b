package org.enma.jobs;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tasks of a run wrote and skipped: results, and contracts skipped by reason. The one thing of a run's
 * outcomes that reaches the driver, a few numbers per task whatever the number of contracts.
 */
record RunCounts(long results, Map<String, Long> skipped) implements Serializable {
    static final RunCounts NONE = new RunCounts(0, Map.of());

    RunCounts {
        skipped = new TreeMap<>(skipped);
    }

    RunCounts plus(RunCounts other) {
        Map<String, Long> both = new TreeMap<>(skipped);
        other.skipped.forEach((reason, n) -> both.merge(reason, n, Long::sum));
        return new RunCounts(results + other.results, both);
    }
}

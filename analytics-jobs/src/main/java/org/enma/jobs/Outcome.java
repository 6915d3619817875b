package org.enma.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an analytic produced: one result per contract, and every contract it saw but gave no result, counted by
 * reason. Seen = results + skipped, always.
 */
public final class Outcome {
    private final List<ContractResult> results = new ArrayList<>();
    private final Map<String, Long> skipped = new TreeMap<>();

    public record ContractResult(String contractId, Map<String, Object> fields) {
    }

    public void result(String contractId, Map<String, Object> fields) {
        results.add(new ContractResult(contractId, fields));
    }

    public void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    public List<ContractResult> results() {
        return List.copyOf(results);
    }

    public Map<String, Long> skipped() {
        return Map.copyOf(skipped);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long contractsSeen() {
        return results.size() + skippedTotal();
    }
}

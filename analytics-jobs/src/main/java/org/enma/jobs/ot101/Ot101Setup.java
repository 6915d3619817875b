package org.enma.jobs.ot101;

import java.util.List;

/** OT101's (and OT103's) parameters, with ANALYTICS.md's defaults. */
public record Ot101Setup(List<List<String>> criteria, int minGroupSize, double efficientShare) {
    public static final Ot101Setup DEFAULTS = new Ot101Setup(
            List.of(List.of("postalCode", "tariffId"), List.of("postalCode"), List.of("tariffId"), List.of()), 20, 0.25);

    public Ot101Setup {
        criteria = criteria.stream().map(List::copyOf).toList();
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("criteria must name at least one criterion");
        }
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("minGroupSize must be at least 1, was " + minGroupSize);
        }
        if (!(efficientShare > 0 && efficientShare <= 1)) {
            throw new IllegalArgumentException("efficientShare must be in (0, 1], was " + efficientShare);
        }
    }
}

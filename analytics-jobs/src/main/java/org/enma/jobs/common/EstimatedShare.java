package org.enma.jobs.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docs/analytics.md § Analytics and estimates: the share of the consumption a result used that estimates make up, Σ v
 * of the measures with {@code m:est} / Σ v, and the {@code estimatedShare} field results carry when it is above 0.
 */
public final class EstimatedShare {
    public static final String FIELD = "estimatedShare";

    private EstimatedShare() {
    }

    /** The share of {@code units} that {@code estimatedUnits} are (both {@link ExactSum} nano-units); 0 for no use. */
    public static double of(long estimatedUnits, long units) {
        return units == 0 ? 0 : (double) estimatedUnits / units;
    }

    /**
     * {@code fields} (in their order) with {@code estimatedShare} last, rounded half-up to 4 decimals, when {@code
     * share} is above 0 (a share below 0.00005 shows as 0.0: some estimates, a negligible part).
     */
    public static Map<String, Object> onto(Map<String, Object> fields, double share) {
        if (share <= 0) {
            return fields;
        }
        Map<String, Object> with = new LinkedHashMap<>(fields);
        with.put(FIELD, BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP).doubleValue());
        return with;
    }
}

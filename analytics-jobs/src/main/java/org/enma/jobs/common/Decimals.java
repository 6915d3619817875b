package org.enma.jobs.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The output arithmetic of docs/analytics.md: full precision inside, half-up to 2 decimals at the very end. */
public final class Decimals {
    private Decimals() {
    }

    /** Half-up on the decimal value as written ({@code 1.005} → {@code 1.01}), as a person rounds it. */
    public static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code (x − ref) / ref × 100}, and 0 when {@code ref} is 0. */
    public static double percentDiff(double x, double ref) {
        return ref == 0 ? 0 : (x - ref) / ref * 100;
    }
}

package org.enma.jobs.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The values estimated for a run of {@code n} intervals between two actual measures (docs/analytics.md §
 * Validation and estimation), rounded half-up to 3 decimals; where the run's total is known from the meter's
 * cumulative readings the values sum to it exactly, the last taking the remainder.
 */
final class Estimate {
    static final String LINEAR = "linear";
    static final String LIKE_DAY = "likeDay";
    private static final int SCALE = 3;

    private Estimate() {
    }

    /** The total split equally over {@code n} values. */
    static List<BigDecimal> split(BigDecimal total, int n) {
        BigDecimal each = total.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_UP);
        List<BigDecimal> values = new ArrayList<>(n);
        for (int i = 1; i < n; i++) {
            values.add(each);
        }
        values.add(total.subtract(each.multiply(BigDecimal.valueOf(n - 1))));
        return values;
    }

    /** The i-th of n values {@code before + (after − before) × i / (n + 1)}. */
    static List<BigDecimal> interpolate(BigDecimal before, BigDecimal after, int n) {
        List<BigDecimal> values = new ArrayList<>(n);
        BigDecimal step = after.subtract(before);
        for (int i = 1; i <= n; i++) {
            values.add(before.add(step.multiply(BigDecimal.valueOf(i))
                    .divide(BigDecimal.valueOf(n + 1L), SCALE + 6, RoundingMode.HALF_UP))
                    .setScale(SCALE, RoundingMode.HALF_UP));
        }
        return values;
    }

    /** The mean of like-day values, rounded. */
    static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), SCALE, RoundingMode.HALF_UP);
    }

    /** {@code values} scaled to sum to {@code total}; split equally when they sum to 0. */
    static List<BigDecimal> scaled(List<BigDecimal> values, BigDecimal total) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() == 0) {
            return split(total, values.size());
        }
        List<BigDecimal> out = new ArrayList<>(values.size());
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < values.size() - 1; i++) {
            BigDecimal v = values.get(i).multiply(total).divide(sum, SCALE, RoundingMode.HALF_UP);
            out.add(v);
            given = given.add(v);
        }
        out.add(total.subtract(given));
        return out;
    }
}

package org.enma.jobs.ot101;

import java.io.Serializable;
import java.math.BigInteger;
import org.enma.jobs.common.ExactSum;

/**
 * A peer group's figures (docs/analytics.md § OT101): n members, the mean of their C, k = max(1, ceil(n ×
 * efficientShare)) efficient customers and the mean C of the k lowest. Means are taken from exact sums in
 * nano-units, so they do not depend on how the group was spread over Spark partitions.
 */
public record GroupStats(int size, double mean, int efficientSize, double efficientMean) implements Serializable {

    /** k for a group of {@code n} members. */
    public static int efficientSize(long n, double efficientShare) {
        return Math.max(1, (int) Math.ceil(n * efficientShare));
    }

    /** From the group's size and sum, and the sum of its {@code k} lowest C ({@code n} ≥ 1). */
    public static GroupStats of(long n, BigInteger total, int k, BigInteger efficientTotal) {
        return new GroupStats(Math.toIntExact(n), ExactSum.mean(total, n), k, ExactSum.mean(efficientTotal, k));
    }
}

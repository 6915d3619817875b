package org.enma.jobs.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.enma.schema.EnmaException;

/**
 * Sums of measure values that do not depend on the order of the additions. A sum of doubles does: Spark merges the
 * partial sums of a contract's partitions in whatever order they arrive, and a figure such as 24.545 came out as
 * 24.544999… on one run and 24.545000…1 on another, 24.54 and 24.55 once rounded (found by scripts/cluster-check:
 * the same data on Spark local[*] and on a standalone cluster). Values are added as whole nano-units in a
 * {@code long}: a stored decimal of up to 9 places is taken exactly, the sum is exact, and any order gives the same
 * bits. docs/analytics.md asks for full double precision before the final rounding; an exact sum is that, and more.
 * A contract's sums fit a {@code long} (±9.2e9 kWh); sums over many contracts (a peer group, a company) are taken in
 * a {@link BigInteger} of nano-units, which nothing overflows.
 */
public final class ExactSum {
    private static final double UNITS_PER_ONE = 1e9;
    private static final int NANO_DIGITS = 9;
    /** Beyond this a value's nano-units would not fit a long with room for sums; no meter reads that much. */
    private static final double LIMIT = 9e9;

    private ExactSum() {
    }

    /** {@code value} in nano-units (rounded to the nearest one, so a decimal of up to 9 places is exact). */
    public static long units(double value) {
        if (!(Math.abs(value) < LIMIT)) {
            throw new EnmaException("the value " + value + " is beyond what ENMA sums exactly (less than ±9e9)");
        }
        return Math.round(value * UNITS_PER_ONE);
    }

    /** {@code a + b} in nano-units, failing rather than wrapping around. */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new EnmaException("a sum went beyond what ENMA sums exactly (±9.2e9)", overflow);
        }
    }

    /** The double nearest to a sum in nano-units. */
    public static double value(long units) {
        return units / UNITS_PER_ONE;
    }

    /** The double nearest to {@code units / count}, a mean of a wide sum in nano-units. */
    public static double mean(BigInteger units, long count) {
        return new BigDecimal(units, NANO_DIGITS).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128)
                .doubleValue();
    }
}

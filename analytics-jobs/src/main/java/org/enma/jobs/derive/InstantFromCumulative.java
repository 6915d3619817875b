package org.enma.jobs.derive;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * docs/analytics.md § Instant from cumulative, for one measure and the contract's previous measure: where {@code v} is
 * absent (or was derived by an earlier run, {@code calc = 1}) and {@code va} is present on both, {@code v = va −
 * va_previous}; a negative difference is a meter reset or rollover and gives no {@code v}. An uploaded {@code v} is
 * never touched. The difference is taken in decimal, not binary: {@code 1234.5 − 1230.2} is stored {@code 4.3}, not
 * {@code 4.300000000000182}.
 */
public record InstantFromCumulative(Kind kind, Optional<String> v) {

    public enum Kind {
        /** {@code v} was uploaded: left as it is. */
        UPLOADED,
        /** {@code v} derived from the two readings. */
        DERIVED,
        /** The index went down: no {@code v}, reported. */
        RESET,
        /** No {@code va} on this or the previous measure (or no previous measure): no {@code v}. */
        NOT_DERIVABLE
    }

    /**
     * The measure's instant value given its cells as text ({@code v}, {@code va}, {@code calc}; null when absent) and
     * the previous measure's {@code va} (null when it has none or there is no previous measure).
     */
    public static InstantFromCumulative of(String previousVa, String va, String v, String calc) {
        if (v != null && !"1".equals(calc)) {
            return new InstantFromCumulative(Kind.UPLOADED, Optional.empty());
        }
        if (previousVa == null || va == null) {
            return new InstantFromCumulative(Kind.NOT_DERIVABLE, Optional.empty());
        }
        BigDecimal difference = new BigDecimal(va).subtract(new BigDecimal(previousVa));
        if (difference.signum() < 0) {
            return new InstantFromCumulative(Kind.RESET, Optional.empty());
        }
        return new InstantFromCumulative(Kind.DERIVED, Optional.of(difference.signum() == 0 ? "0"
                : difference.stripTrailingZeros().toPlainString()));
    }

    /** Whether this measure's {@code v} is the platform's to write (it was not uploaded). */
    public boolean platformOwned() {
        return kind != Kind.UPLOADED;
    }
}

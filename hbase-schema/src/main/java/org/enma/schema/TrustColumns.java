package org.enma.schema;

/**
 * Qualifiers of a trust table (docs/data-model.md § Trust tables): family {@code t}'s counters of a contract-day;
 * family {@code r} has one qualifier per rule that fired, named by the rule.
 */
public final class TrustColumns {
    /** The contract's interval that day, in seconds ({@code 0} when no reading could tell it). */
    public static final String INTERVAL = "interval";
    /** The intervals the local day has at that interval. */
    public static final String EXPECTED = "expected";
    /** Measures whose uploaded or derived {@code v} passed every rule. */
    public static final String ACTUAL = "actual";
    /** Measures holding an estimate. */
    public static final String ESTIMATED = "estimated";
    /** Measures that failed a rule. */
    public static final String SUSPECT = "suspect";
    /** {@code expected − actual − estimated}, never below 0. */
    public static final String MISSING = "missing";
    /** Company totals only: the contracts validated that day. */
    public static final String CONTRACTS = "c";

    private TrustColumns() {
    }
}

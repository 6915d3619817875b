package org.enma.jobs.validate;

/**
 * The validation rules (docs/analytics.md § Validation and estimation), in the order a measure's {@code m:q} lists
 * them; the information rules last, counted in the trust table's {@code r} family but never failing a measure.
 */
public enum Rule {
    OFF_GRID("offGrid", true),
    FUTURE("future", true),
    NEGATIVE("negative", true),
    SPIKE("spike", true),
    FROZEN("frozen", true),
    ZERO_RUN("zeroRun", false),
    REGISTER_MISMATCH("registerMismatch", false);

    private final String qualifier;
    private final boolean fails;

    Rule(String qualifier, boolean fails) {
        this.qualifier = qualifier;
        this.fails = fails;
    }

    /** Its name in {@code m:q} and as a trust table's {@code r} qualifier. */
    public String qualifier() {
        return qualifier;
    }

    /** Whether a measure that breaks it is a suspect; an information rule's only counts. */
    public boolean fails() {
        return fails;
    }
}

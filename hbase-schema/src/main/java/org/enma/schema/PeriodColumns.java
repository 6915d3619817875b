package org.enma.schema;

/** Qualifiers of every family of a period table (docs/data-model.md § Period tables). */
public final class PeriodColumns {
    /** The sum of {@code m:v}, exact decimal. */
    public static final String V = "v";
    /** How many measures were summed. */
    public static final String N = "n";
    public static final String MIN = "min";
    public static final String MAX = "max";
    /** The sum of {@code v × energyCost / 100} (euro), rounded half-up to 6 decimals; absent without costs. */
    public static final String COST = "cost";
    /** How many measures had an {@code energyCost}. */
    public static final String NP = "np";
    /** How many of the measures summed are estimates ({@code m:est}); absent when none is. */
    public static final String NE = "ne";
    /** Company totals only: how many contracts had a measure in the period. */
    public static final String CONTRACTS = "c";

    private PeriodColumns() {
    }

    /** The sum of {@code m:pN} (tou and tertiary): the same name as the measure's qualifier. */
    public static String period(int n) {
        return MeasureColumns.period(n);
    }
}

package org.enma.schema;

import java.util.List;

/** The kinds of ENMA tables, with their families and whether their keys are bucket-salted time series. */
public enum TableKind {
    CONSUMPTION("<type>_<companyId>", true, List.of(Family.M)),
    TOU("tou<Type>_<companyId>", true, List.of(Family.M)),
    TERTIARY("tertiary<Type>_<companyId>", true, List.of(Family.M)),
    CUSTOMERS("customers", false, List.of(Family.INFO, Family.ADDRESS, Family.PROFILE)),
    TARIFFS("tariffs", false, List.of(Family.M)),
    WEATHER("<weatherType>", true, List.of(Family.M)),
    STATIONS("stations", false, List.of(Family.ADDRESS)),
    RESULTS("otNNN", false, List.of(Family.RESULTS)),
    PERIODS("<type>Periods_<companyId>", false, List.of(Family.HOUR, Family.DAY, Family.WEEK,
            Family.MONTH, Family.QUARTER, Family.YEAR)),
    TRUST("<type>Trust_<companyId>", false, List.of(Family.T, Family.R));

    private final String pattern;
    private final boolean bucketed;
    private final List<Family> families;

    TableKind(String pattern, boolean bucketed, List<Family> families) {
        this.pattern = pattern;
        this.bucketed = bucketed;
        this.families = families;
    }

    /** How names of this kind look, for error messages. */
    public String pattern() {
        return pattern;
    }

    /** True for time series keyed {@code <bucket>~<timestamp>~<id>}: pre-split on bucket boundaries. */
    public boolean bucketed() {
        return bucketed;
    }

    public List<Family> families() {
        return families;
    }

    /** True for a company's consumption tables, of any shape: those validation judges and periods sum. */
    public boolean consumption() {
        return this == CONSUMPTION || this == TOU || this == TERTIARY;
    }
}

package org.enma.jobs.validate;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** A contract-day's counts as validation goes through its measures; its trust row once they are all counted. */
final class DayTally {
    private final String contractId;
    private final LocalDate day;
    private final int interval;
    private final int expected;
    private int actual;
    private int estimated;
    private int suspect;
    private final Map<Rule, Integer> rules = new EnumMap<>(Rule.class);

    DayTally(String contractId, LocalDate day, int interval, int expected) {
        this.contractId = contractId;
        this.day = day;
        this.interval = interval;
        this.expected = expected;
    }

    LocalDate day() {
        return day;
    }

    /** One measure: kept as it is, estimated, and whether it is a suspect breaking {@code broken}. */
    void count(boolean kept, boolean estimate, boolean suspected, Set<Rule> broken) {
        actual += kept ? 1 : 0;
        estimated += estimate ? 1 : 0;
        suspect += suspected ? 1 : 0;
        for (Rule rule : broken) {
            rules.merge(rule, 1, Integer::sum);
        }
    }

    /** The trust row, with the day's information rules ({@code information}, or null) counted as found. */
    TrustDay row(Map<Rule, Integer> information) {
        if (information != null) {
            rules.putAll(information);
        }
        return new TrustDay(contractId, day, interval, expected, actual, estimated, suspect, 1, rules);
    }
}

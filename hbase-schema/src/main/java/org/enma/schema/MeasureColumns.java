package org.enma.schema;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Qualifiers of family {@code m} in consumption tables (residential, tou, tertiary) and weather tables. */
public final class MeasureColumns {
    /** Instant consumption of the interval ending at the key's timestamp (weather: the measured value). */
    public static final String V = "v";
    /** Cumulative reading (meter index). */
    public static final String VA = "va";
    /** {@code 1} when the platform derived {@code v}, {@code 0} when it was uploaded. */
    public static final String CALC = "calc";
    public static final String TIME_SLOT_NAME = "timeSlotName";
    public static final String ENERGY_COST = "energyCost";
    public static final String FLAT_RATE = "flatRate";
    public static final String PERIOD_KEY = "periodKey";
    /** Only on a measure validation estimated: the method, {@code linear} or {@code likeDay}. */
    public static final String EST = "est";
    /** Only on a measure that failed validation: the rules it failed, comma-joined in the rules' order. */
    public static final String Q = "q";
    /** Only where validation set aside an uploaded (or derived) {@code v} that failed: that value, unchanged. */
    public static final String RAW = "raw";

    /** The tariff-slot fields a measure carries, in the order docs/data-model.md lists them. */
    public static final List<String> TARIFF_SLOT = List.of(TIME_SLOT_NAME, ENERGY_COST, FLAT_RATE, PERIOD_KEY);
    /** What validation writes beside {@code v}; an upload of {@code v} deletes them (a corrected value replaces them). */
    public static final List<String> VEE = List.of(EST, Q, RAW);
    /** {@code p1}, {@code p2}, ... and their cumulative {@code p1a}, {@code p2a}, ... */
    private static final Pattern PERIOD = Pattern.compile("p([1-9][0-9]*)(a?)");

    private MeasureColumns() {
    }

    /** Whether the data model says {@code qualifier} holds a number: v, va, energyCost, flatRate, p1, p1a, ... */
    public static boolean isNumber(String qualifier) {
        return qualifier.equals(V) || qualifier.equals(VA) || qualifier.equals(RAW) || qualifier.equals(ENERGY_COST)
                || qualifier.equals(FLAT_RATE) || PERIOD.matcher(qualifier).matches();
    }

    /** N of an instant tariff-period qualifier {@code pN}; empty for any other (the cumulative {@code pNa} too). */
    public static OptionalInt periodNumber(String qualifier) {
        Matcher m = PERIOD.matcher(qualifier);
        return m.matches() && m.group(2).isEmpty() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Instant consumption in tariff period {@code n} (1-based): {@code p1}, {@code p2}, ... */
    public static String period(int n) {
        return "p" + requirePeriod(n);
    }

    /** Cumulative reading of tariff period {@code n}: {@code p1a}, {@code p2a}, ... */
    public static String cumulativePeriod(int n) {
        return "p" + requirePeriod(n) + "a";
    }

    private static int requirePeriod(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tariff periods are numbered from 1, got " + n);
        }
        return n;
    }
}

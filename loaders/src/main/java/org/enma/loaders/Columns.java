package org.enma.loaders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns an input kind takes: required names, optional names and, for tertiary uploads, the numbered period
 * columns {@code p1..pN} / {@code p1a..pNa}.
 */
record Columns(List<String> required, List<String> optional, boolean numberedPeriods) {
    private static final Pattern PERIOD = Pattern.compile("p([1-9][0-9]*)(a?)");

    static Columns of(List<String> required, List<String> optional) {
        return new Columns(required, optional, false);
    }

    boolean isKnown(String name) {
        return required.contains(name) || optional.contains(name) || (numberedPeriods && PERIOD.matcher(name).matches());
    }

    /** Tertiary: the periods must be numbered 1..N without gaps. */
    List<String> checkHeader(List<String> names) {
        List<String> problems = new ArrayList<>();
        if (numberedPeriods) {
            int max = periodCount(names);
            for (int p = 1; p <= max; p++) {
                if (!names.contains("p" + p) && !names.contains("p" + p + "a")) {
                    problems.add("period columns skip p" + p + " (periods are numbered 1.." + max + ")");
                }
            }
        }
        return problems;
    }

    /** The highest period number among the header's {@code pN} / {@code pNa} columns (0 when none). */
    static int periodCount(List<String> names) {
        int max = 0;
        for (String name : names) {
            var m = PERIOD.matcher(name);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max;
    }

    String describe() {
        Set<String> all = new LinkedHashSet<>();
        required.forEach(c -> all.add(c + " (required)"));
        all.addAll(optional);
        if (numberedPeriods) {
            all.add("p1..pN, p1a..pNa");
        }
        return String.join(", ", all);
    }
}

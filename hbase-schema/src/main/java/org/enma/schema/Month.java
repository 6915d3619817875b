package org.enma.schema;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** A calendar month written {@code YYYYMM}, as in result keys, result documents ({@code month: 201307}) and flags. */
public record Month(YearMonth value) implements Comparable<Month>, Serializable {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);

    public static Month of(int year, int month) {
        return new Month(YearMonth.of(year, month));
    }

    public static Month parse(String text) {
        if (text == null || !text.matches("[0-9]{6}")) {
            throw new EnmaException("month \"" + Identifier.printable(String.valueOf(text))
                    + "\" is invalid: write it as YYYYMM, e.g. 201307");
        }
        try {
            return new Month(YearMonth.parse(text, FORMAT));
        } catch (DateTimeParseException e) {
            throw new EnmaException("month \"" + text + "\" is not a calendar month (MM must be 01..12)");
        }
    }

    public int asNumber() {
        return Integer.parseInt(toString());
    }

    public Month plusMonths(long months) {
        return new Month(value.plusMonths(months));
    }

    public int lengthOfMonth() {
        return value.lengthOfMonth();
    }

    @Override
    public int compareTo(Month other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.format(FORMAT);
    }
}

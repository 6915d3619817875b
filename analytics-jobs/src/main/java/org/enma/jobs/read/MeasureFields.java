package org.enma.jobs.read;

import java.io.Serializable;
import java.util.List;

/**
 * Which cells of family {@code m} a measure read brings besides {@code m:v}: the cumulative {@code m:va} as a number,
 * and any qualifiers as text (tariff slot fields, {@code calc}). A job names only what it uses: every extra column
 * is bytes that travel from the region server for each of millions of rows. A job's read skips the rows that have
 * none of its cells (a sum of {@code v} has nothing to add from a row without {@code v}); {@code everyRow} keeps them,
 * their asked cells absent, as a table read by SQL must ({@code count(*)} counts every row).
 */
public record MeasureFields(boolean cumulative, List<String> texts, boolean everyText, boolean everyRow)
        implements Serializable {
    /** {@code m:v} alone: what the consumption analytics read. */
    public static final MeasureFields INSTANT = new MeasureFields(false, List.of());
    /** {@code m:v} and {@code m:va}. */
    public static final MeasureFields CUMULATIVE = new MeasureFields(true, List.of());

    public MeasureFields {
        texts = List.copyOf(texts);
    }

    public MeasureFields(boolean cumulative, List<String> texts) {
        this(cumulative, texts, false, false);
    }

    /** These fields and also {@code qualifiers} as text. */
    public MeasureFields withTexts(List<String> qualifiers) {
        return new MeasureFields(cumulative, qualifiers, everyText, everyRow);
    }

    /**
     * These fields and every cell of family {@code m} as text, whatever its qualifier: for readers of tables whose
     * qualifiers are not known in advance (a tertiary table's {@code p1} … {@code pX}).
     */
    public MeasureFields withEveryText() {
        return new MeasureFields(cumulative, texts, true, everyRow);
    }

    /** These fields without the text cells {@code qualifiers}. */
    public MeasureFields without(List<String> qualifiers) {
        return new MeasureFields(cumulative, texts.stream().filter(q -> !qualifiers.contains(q)).toList(), everyText,
                everyRow);
    }

    /** These fields, and every row of the range: one with none of the cells comes back with them absent. */
    public MeasureFields withEveryRow() {
        return new MeasureFields(cumulative, texts, everyText, true);
    }
}

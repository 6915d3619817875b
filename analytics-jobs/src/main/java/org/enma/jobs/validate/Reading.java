package org.enma.jobs.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.enma.jobs.read.Measure;
import org.enma.schema.DecimalText;
import org.enma.schema.EnmaException;
import org.enma.schema.MeasureColumns;

/**
 * One measure row of a contract as validation sees it: the value it checks — the set-aside upload ({@code raw}) where
 * there is one, else {@code v} unless {@code v} is an earlier estimate (estimates are made again, never checked) — and,
 * once checked, the rules it broke. A row outside the validated days keeps its stored verdict ({@code q}).
 */
final class Reading {
    final Measure measure;
    final long timestamp;
    final LocalDate day;
    /** The value checked, as stored, and as a number; both null when the row has none (a gap to estimate). */
    final String text;
    final BigDecimal value;
    final boolean validated;
    final Set<Rule> broken = EnumSet.noneOf(Rule.class);
    /** The cells validation reads, taken from the row once: a map lookup each time cost a third of its time. */
    final String raw;
    final String est;
    final String va;
    final String calc;
    final String q;
    private final boolean derived;
    private boolean failed;
    /**
     * A value derived from the index across a gap: it is the consumption of every interval since the reading before,
     * not of its own. Not judged; estimated with the gap it closes, the index bounding the run, so nothing is lost.
     */
    boolean covering;

    Reading(Measure measure, LocalDate day, boolean validated) {
        this.measure = measure;
        this.timestamp = measure.timestamp();
        this.day = day;
        this.validated = validated;
        Map<String, String> texts = measure.texts();
        this.raw = texts.get(MeasureColumns.RAW);
        this.est = texts.get(MeasureColumns.EST);
        this.va = texts.get(MeasureColumns.VA);
        this.calc = texts.get(MeasureColumns.CALC);
        this.q = texts.get(MeasureColumns.Q);
        String checked = raw != null ? raw : est != null ? null : texts.get(MeasureColumns.V);
        this.value = number(checked);
        this.text = value == null ? null : checked;
        this.derived = value != null && raw == null && va != null && "1".equals(calc);
    }

    private static BigDecimal number(String text) {
        try {
            return text == null ? null : DecimalText.parse(MeasureColumns.V, text);
        } catch (EnmaException notANumber) {
            // the read counted it as a bad cell; to validation the row has no value
            return null;
        }
    }

    /** Records that it broke {@code rule}. */
    void breaks(Rule rule) {
        broken.add(rule);
        failed |= rule.fails();
    }

    /** Whether it failed a rule: now when validated, by its stored {@code q} otherwise. */
    boolean suspect() {
        return validated ? failed : q != null;
    }

    /** A value that passed every rule: what spikes are measured against, like days copied, runs bounded by. */
    boolean actual() {
        return value != null && !suspect() && !covering;
    }

    /** A {@code v} derived from {@code va} ({@code calc = 1}), not set aside or estimated. */
    boolean derived() {
        return derived;
    }

    Map<String, String> texts() {
        return measure.texts();
    }
}

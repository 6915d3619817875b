package org.enma.jobs.derive;

import java.io.Serializable;
import org.bson.Document;
import org.enma.jobs.read.BadCells;

/**
 * What a derive run did, for docs/cli.md's summary line: measures read, {@code v} derived, measures priced, unpriced and
 * of ambiguous tariff, meter resets, measures left out for a bad cell (a number cell that is no number: not read, so
 * not in the other counts). priced + unpriced + ambiguous = measures.
 */
public final class DeriveCounts implements Serializable {
    long measures;
    long derived;
    long priced;
    long unpriced;
    long ambiguous;
    long resets;
    /** Measures of the range left out for a bad cell, and the first few of them. */
    private BadCells.Seen badCells = BadCells.Seen.NONE;

    void count(SlotMatch.Outcome slot) {
        switch (slot) {
            case PRICED -> priced++;
            case UNPRICED -> unpriced++;
            case AMBIGUOUS -> ambiguous++;
        }
    }

    void count(InstantFromCumulative.Kind instant) {
        if (instant == InstantFromCumulative.Kind.DERIVED) {
            derived++;
        } else if (instant == InstantFromCumulative.Kind.RESET) {
            resets++;
        }
    }

    DeriveCounts add(DeriveCounts other) {
        measures += other.measures;
        derived += other.derived;
        priced += other.priced;
        unpriced += other.unpriced;
        ambiguous += other.ambiguous;
        resets += other.resets;
        return this;
    }

    long derived() {
        return derived;
    }

    void badCells(BadCells.Seen seen) {
        badCells = seen;
    }

    /** docs/cli.md's summary line, which scripts parse. */
    public String summaryLine() {
        return "measures=" + measures + " derived=" + derived + " priced=" + priced + " unpriced=" + unpriced
                + " ambiguous=" + ambiguous + " resets=" + resets + " badCells=" + badCells.count();
    }

    /** The counts as recorded in {@code jobRuns}. */
    public Document asDocument() {
        return BadCells.appended(new Document("measures", measures).append("derived", derived)
                .append("priced", priced).append("unpriced", unpriced).append("ambiguous", ambiguous)
                .append("resets", resets), badCells);
    }
}

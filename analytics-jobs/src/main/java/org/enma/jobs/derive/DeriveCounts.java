package org.enma.jobs.derive;

import java.io.Serializable;
import org.bson.Document;

/**
 * What a derive run did, for CLI.md's summary line: measures read, {@code v} derived, measures priced, unpriced and
 * of ambiguous tariff, meter resets. priced + unpriced + ambiguous = measures.
 */
public final class DeriveCounts implements Serializable {
    long measures;
    long derived;
    long priced;
    long unpriced;
    long ambiguous;
    long resets;

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

    /** CLI.md's summary line, which scripts parse. */
    public String summaryLine() {
        return "measures=" + measures + " derived=" + derived + " priced=" + priced + " unpriced=" + unpriced
                + " ambiguous=" + ambiguous + " resets=" + resets;
    }

    /** The counts as recorded in {@code jobRuns}. */
    public Document asDocument() {
        return new Document("measures", measures).append("derived", derived).append("priced", priced)
                .append("unpriced", unpriced).append("ambiguous", ambiguous).append("resets", resets);
    }
}

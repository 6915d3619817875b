package org.enma.jobs.validate;

import java.io.Serializable;
import org.bson.Document;

/**
 * What a validate run did, for docs/cli.md's summary line {@code days=N measures=N suspect=N estimated=N missing=N}:
 * contract-days validated, measures judged, suspects, estimates and intervals left missing over those days.
 */
public final class ValidateCounts implements Serializable {
    long days;
    long measures;
    long suspect;
    long estimated;
    long missing;

    void count(TrustDay day) {
        days++;
        suspect += day.suspect();
        estimated += day.estimated();
        missing += day.missing();
    }

    ValidateCounts add(ValidateCounts other) {
        days += other.days;
        measures += other.measures;
        suspect += other.suspect;
        estimated += other.estimated;
        missing += other.missing;
        return this;
    }

    public String summaryLine() {
        return "days=" + days + " measures=" + measures + " suspect=" + suspect + " estimated=" + estimated
                + " missing=" + missing;
    }

    public Document asDocument() {
        return new Document("days", days).append("measures", measures).append("suspect", suspect)
                .append("estimated", estimated).append("missing", missing);
    }
}

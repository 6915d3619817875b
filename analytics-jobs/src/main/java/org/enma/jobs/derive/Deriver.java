package org.enma.jobs.derive;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.client.Mutation;
import org.enma.schema.IntervalConvention;
import org.enma.jobs.read.Measure;
import org.enma.schema.MeasureColumns;
import org.enma.schema.MeasureKey;

/**
 * Derives the platform fields of measures: the tariff slot of any measure ({@link #price}, in any order, given its
 * contract's slots), and {@code v} from the previous measure's {@code va} ({@link #follow}, measures handed over
 * contract by contract, each contract's in time order). A contract's first measure that needs a predecessor is handed
 * to {@code waiting}: its previous reading lies before the range and is looked up apart.
 */
final class Deriver {
    private static final List<String> INSTANT_CELLS = List.of(MeasureColumns.V, MeasureColumns.CALC);

    private final ZoneId zone;
    private final Consumer<Mutation> writes;
    private final Consumer<Measure> waiting;
    private final DeriveCounts counts = new DeriveCounts();
    private Measure previous;

    Deriver(ZoneId zone, Consumer<Mutation> writes, Consumer<Measure> waiting) {
        this.zone = zone;
        this.writes = writes;
        this.waiting = waiting;
    }

    /**
     * The next measure in contract and time order: of the same contract as the last one and later, or the first of
     * another contract.
     */
    void follow(Measure measure) {
        boolean first = previous == null || !previous.id().equals(measure.id());
        if (first && derivable(measure)) {
            waiting.accept(measure);
        } else {
            derive(first ? null : previous.text(MeasureColumns.VA).orElse(null), measure);
        }
        previous = measure;
    }

    /** {@code v} of {@code measure} from the previous measure's {@code va} (null: none, or it has no {@code va}). */
    void derive(String previousVa, Measure measure) {
        if (measure.text(MeasureColumns.Q).isPresent() || measure.text(MeasureColumns.EST).isPresent()) {
            // validation judged this value, or estimated it, and owns its v: docs/analytics.md
            return;
        }
        InstantFromCumulative instant = InstantFromCumulative.of(previousVa,
                measure.text(MeasureColumns.VA).orElse(null), measure.text(MeasureColumns.V).orElse(null),
                measure.text(MeasureColumns.CALC).orElse(null));
        counts.count(instant.kind());
        if (instant.platformOwned()) {
            Map<String, String> wanted = instant.v().map(v -> Map.of(MeasureColumns.V, v, MeasureColumns.CALC, "1"))
                    .orElse(Map.of());
            CellChanges.of(keyOf(measure), INSTANT_CELLS, measure.texts(), wanted).forEach(writes);
        }
    }

    /** Writes the tariff slot of {@code measure} among its contract's {@code slots}, and counts it. */
    void price(Measure measure, List<TariffSlot> slots) {
        counts.measures++;
        SlotMatch match = slots.isEmpty() ? SlotMatch.unpriced()
                : SlotMatch.of(slots, IntervalConvention.localTimeOf(measure.timestamp(), zone));
        counts.count(match.outcome());
        Map<String, String> wanted = match.slot().map(TariffSlot::measureCells).orElse(Map.of());
        CellChanges.of(keyOf(measure), MeasureColumns.TARIFF_SLOT, measure.texts(), wanted).forEach(writes);
    }

    /** A measure whose {@code v} is the platform's to derive: not uploaded, and with a reading of its own. */
    static boolean derivable(Measure measure) {
        boolean uploaded = measure.v() != null && !measure.text(MeasureColumns.CALC).orElse("").equals("1");
        return !uploaded && measure.text(MeasureColumns.VA).isPresent();
    }

    private static byte[] keyOf(Measure measure) {
        return MeasureKey.of(measure.timestamp(), measure.id()).encode();
    }

    DeriveCounts counts() {
        return counts;
    }
}

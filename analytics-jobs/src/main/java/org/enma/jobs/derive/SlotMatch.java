package org.enma.jobs.derive;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The tariff slot of a measure: exactly one covering slot prices it; none is {@code unpriced}, several ambiguous. */
public record SlotMatch(Optional<TariffSlot> slot, Outcome outcome) {

    public enum Outcome { PRICED, UNPRICED, AMBIGUOUS }

    /** The match of a measure whose contract has no tariff slots at all. */
    public static SlotMatch unpriced() {
        return new SlotMatch(Optional.empty(), Outcome.UNPRICED);
    }

    /** Matches local time {@code t} (the measure's timestamp − 1 s) against its contract's tariff slots. */
    public static SlotMatch of(List<TariffSlot> slots, LocalDateTime t) {
        TariffSlot found = null;
        for (TariffSlot slot : slots) {
            if (slot.covers(t)) {
                if (found != null) {
                    return new SlotMatch(Optional.empty(), Outcome.AMBIGUOUS);
                }
                found = slot;
            }
        }
        return found == null ? unpriced()
                : new SlotMatch(Optional.of(found), Outcome.PRICED);
    }
}

package org.enma.loaders;

import java.time.LocalDate;
import java.util.Collection;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;

/**
 * Told which contract-days of a consumption table a load is about to write, before it writes them: what the period
 * rollup must recompute. A load tells each contract-day once (as far as it remembers, {@link DayRecorder}), and a day
 * once it has told more than {@link #wholeDayAfter} contracts of it, as a whole day (every contract of it is then
 * redone) and never again by contract. Called on the loading thread, once per chunk of rows; a failure stops the load
 * before the chunk's rows are written.
 */
@FunctionalInterface
public interface LoadedDays {
    LoadedDays NONE = (table, days, wholeDays) -> { };

    /** {@code days}: contract-days about to be written; {@code wholeDays}: days whose every contract is to be redone. */
    void about(EnmaTable table, Collection<ContractDay> days, Collection<LocalDate> wholeDays);

    /** How many contracts of a day a load tells one by one, at most; past them it tells the whole day. */
    default int wholeDayAfter() {
        return Integer.MAX_VALUE;
    }
}

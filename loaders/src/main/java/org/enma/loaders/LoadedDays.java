package org.enma.loaders;

import java.util.Set;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;

/**
 * Told which contract-days of a consumption table a load is about to write, before it writes them (each day once per
 * load): what the period rollup must recompute. Called on the loading thread; a failure stops the load before the
 * rows are written.
 */
@FunctionalInterface
public interface LoadedDays {
    LoadedDays NONE = (table, days) -> { };

    void about(EnmaTable table, Set<ContractDay> days);
}

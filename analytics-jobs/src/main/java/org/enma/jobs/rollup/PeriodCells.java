package org.enma.jobs.rollup;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.enma.schema.Period;

/** Where a rollup's changes go: Puts and Deletes through a {@code BufferedMutator}, or a Spark task's HFiles. */
interface PeriodCells {
    /** Of {@code row}'s family {@code period}: {@code changed} qualifiers put with their values, {@code vanished} deleted. */
    void write(byte[] row, Period period, Map<String, String> changed, List<String> vanished) throws IOException;
}

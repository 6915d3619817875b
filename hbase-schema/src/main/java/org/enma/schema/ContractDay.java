package org.enma.schema;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A contract's local day, by the interval convention: the unit in which loads and derive tell the rollup what changed
 * ({@code enma rollup} recomputes the periods containing it).
 */
public record ContractDay(String contractId, LocalDate day) implements Serializable {
}

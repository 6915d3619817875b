package org.enma.jobs.common;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A measure's place in a shuffle that brings each contract's measures together in time order: hashed by contract
 * alone, so each contract lands in one partition, whole; sorted by contract, then time
 * ({@code repartitionAndSortWithinPartitions} with {@link #ORDER}).
 */
public record ContractTime(String contractId, long timestamp) implements Serializable {
    public static final Comparator<ContractTime> ORDER = (Comparator<ContractTime> & Serializable) (a, b) -> {
        int byContract = a.contractId.compareTo(b.contractId);
        return byContract != 0 ? byContract : Long.compare(a.timestamp, b.timestamp);
    };

    @Override
    public int hashCode() {
        return contractId.hashCode();
    }
}

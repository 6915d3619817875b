package org.enma.jobs.derive;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.enma.schema.EnmaException;
import org.enma.schema.TariffKey;
import org.enma.schema.CustomerColumns;

/**
 * Each contract's tariff slots: the {@code tariffs} rows of its company whose {@code tariffId} is the contract's
 * ({@code customers} {@code info:tariffId}). Small enough to ship with every Spark task.
 */
public final class ContractTariffs implements Serializable {
    private final Map<String, String> tariffOfContract;
    private final Map<String, List<TariffSlot>> slotsOfTariff;

    private ContractTariffs(Map<String, String> tariffOfContract, Map<String, List<TariffSlot>> slotsOfTariff) {
        this.tariffOfContract = tariffOfContract;
        this.slotsOfTariff = slotsOfTariff;
    }

    /** From the company's customers (attributes by contractId) and its tariff rows (cells by key). */
    public static ContractTariffs of(Map<String, Map<String, String>> customers,
                                     Map<TariffKey, Map<String, String>> tariffRows) {
        Map<String, String> tariffOfContract = new HashMap<>();
        customers.forEach((contract, attributes) -> {
            String tariff = attributes.get(CustomerColumns.TARIFF_ID);
            if (tariff != null) {
                tariffOfContract.put(contract, tariff);
            }
        });
        Map<String, List<TariffSlot>> slotsOfTariff = new HashMap<>();
        tariffRows.forEach((key, cells) -> {
            TariffSlot slot;
            try {
                slot = TariffSlot.of(key, cells);
            } catch (EnmaException e) {
                throw new EnmaException("tariffs row " + new String(key.encode(), StandardCharsets.UTF_8) + ": "
                        + e.getMessage());
            }
            slotsOfTariff.computeIfAbsent(key.tariffId(), t -> new ArrayList<>()).add(slot);
        });
        return new ContractTariffs(tariffOfContract, slotsOfTariff);
    }

    /** The slots that may price {@code contractId}'s measures; none when it has no customer row or no tariff. */
    public List<TariffSlot> slotsOf(String contractId) {
        String tariff = tariffOfContract.get(contractId);
        return tariff == null ? List.of() : slotsOfTariff.getOrDefault(tariff, List.of());
    }

    /** Whether any contract can be priced at all (false when the company has no tariffs loaded). */
    public boolean any() {
        return !slotsOfTariff.isEmpty();
    }
}

package org.enma.jobs.derive;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.enma.schema.EnmaException;
import org.enma.schema.TariffKey;

/**
 * A company's tariff slots by {@code tariffId}: its {@code tariffs} rows, a few hundred at most — small enough to
 * broadcast to every Spark task. Which tariff a contract has comes with its measures ({@code customers}
 * {@code info:tariffId}, joined by contract), never as a map of contracts.
 */
public final class TariffSlots implements Serializable {
    private final Map<String, List<TariffSlot>> slotsOfTariff;

    private TariffSlots(Map<String, List<TariffSlot>> slotsOfTariff) {
        this.slotsOfTariff = slotsOfTariff;
    }

    /** From the company's tariff rows (cells by key). */
    public static TariffSlots of(Map<TariffKey, Map<String, String>> tariffRows) {
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
        return new TariffSlots(slotsOfTariff);
    }

    /** The slots that may price the measures of a contract of tariff {@code tariffId}; none for no tariff (null). */
    public List<TariffSlot> of(String tariffId) {
        return tariffId == null ? List.of() : slotsOfTariff.getOrDefault(tariffId, List.of());
    }

    /** Whether any contract can be priced at all (false when the company has no tariffs loaded). */
    public boolean any() {
        return !slotsOfTariff.isEmpty();
    }
}

package org.enma.portal;

import java.util.Map;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;

/**
 * The unit the API states for a measure type's figures: its own table (docs/api.md § Units), overridden by the
 * deployment's {@code units} setting per type or per company and type. A type in neither has no unit to state
 * ({@code null}): a wrong unit is worse than none.
 */
final class MeasureUnits {
    private static final Map<String, String> TABLE = Map.of(EnmaTable.ELECTRICITY_CONSUMPTION, "kWh",
            "heatConsumption", "kWh", "gasConsumption", "m³", "waterConsumption", "m³");
    private final Map<String, String> configured;

    /** @param configured unit by {@code type} or by {@code companyId/type} */
    MeasureUnits(Map<String, String> configured) {
        this.configured = Map.copyOf(configured);
    }

    String of(CompanyId company, String type) {
        String own = configured.get(company + "/" + type);
        if (own != null) {
            return own;
        }
        return configured.getOrDefault(type, TABLE.get(type));
    }
}

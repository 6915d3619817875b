package org.enma.schema;

import java.util.List;

/** Qualifiers of family {@code address} in the {@code stations} table. */
public final class StationColumns {
    public static final String LAT = "lat";
    public static final String LONG = "long";
    public static final List<String> ALL = List.of("altitude", "city", "cityCode", "country", LAT, LONG,
            "parcelNumber", "postalCode", "province", "provinceCode", "street");

    private StationColumns() {
    }
}

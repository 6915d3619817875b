package org.enma.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attributes of the {@code customers} table, each in its one family (docs/data-model.md § Customers). */
public final class CustomerColumns {
    public static final String TARIFF_ID = "tariffId";
    public static final String WEATHER_STATION_ID = "weatherStationId";
    public static final String POSTAL_CODE = "postalCode";

    private static final Map<String, Family> FAMILY_OF = new LinkedHashMap<>();

    static {
        register(Family.INFO, List.of("payerId", "ownerId", "signerId", "power", "dateStart", "dateEnd", "customerId",
                "meteringPointId", "activityCode", "version", TARIFF_ID, WEATHER_STATION_ID, "criteria_1",
                "criteria_2", "criteria_3", "OT701", "last_access", "dwellingAirConditioning",
                "dwellingElectricCooking", "dwellingOtherKitchen", "dwellingOtherAppliances",
                "dwellingAllHeatingSources", "experimentalGroupUser", "activeUser", "experimentalGroupUserTest",
                "activeUserDate"));
        register(Family.ADDRESS, List.of("buildingId", "city", "cityCode", "country", "countryCode", "street",
                POSTAL_CODE, "province", "provinceCode", "parcelNumber"));
        register(Family.PROFILE, List.of("totalPersonsNumber", "minorsPersonsNumber", "workingAgePersonsNumber",
                "retiredAgePersonsNumber", "malePersonsNumber", "femalePersonsNumber", "buildingConstructionYear",
                "dwellingArea", "buildingType", "dwellingPositionInBuilding", "dwellingOrientation",
                "buildingWindowsType", "buildingWindowsFrame", "buildingHeatingSource", "buildingHeatingSourceDhw",
                "buildingSolarSystem"));
    }

    private CustomerColumns() {
    }

    private static void register(Family family, List<String> qualifiers) {
        qualifiers.forEach(q -> FAMILY_OF.put(q, family));
    }

    /** The family that holds attribute {@code name}, if it is a customer attribute. */
    public static Optional<Family> familyOf(String name) {
        return Optional.ofNullable(FAMILY_OF.get(name));
    }

    /** Every customer attribute, family by family in docs/data-model.md order. */
    public static List<String> names() {
        return List.copyOf(FAMILY_OF.keySet());
    }
}

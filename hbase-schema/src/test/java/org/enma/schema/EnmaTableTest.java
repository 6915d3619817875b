package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnmaTableTest {
    private static final CompanyId COMPANY = CompanyId.of("1111111111");

    @Test
    void namesOfEveryKind() {
        assertThat(EnmaTable.consumption("electricityConsumption", COMPANY).name())
                .isEqualTo("electricityConsumption_1111111111");
        assertThat(EnmaTable.tou("electricityConsumption", COMPANY).name())
                .isEqualTo("touElectricityConsumption_1111111111");
        assertThat(EnmaTable.tertiary("electricityConsumption", COMPANY).name())
                .isEqualTo("tertiaryElectricityConsumption_1111111111");
        assertThat(EnmaTable.customers().name()).isEqualTo("customers");
        assertThat(EnmaTable.tariffs().name()).isEqualTo("tariffs");
        assertThat(EnmaTable.stations().name()).isEqualTo("stations");
        assertThat(EnmaTable.weather("temperatureAir").name()).isEqualTo("temperatureAir");
        assertThat(EnmaTable.results("OT101").name()).isEqualTo("ot101");
        assertThat(EnmaTable.results("ot503").name()).isEqualTo("ot503");
    }

    @Test
    void parsesNamesBackToTheirKind() {
        assertThat(EnmaTable.parse("electricityConsumption_1111111111").kind()).isEqualTo(TableKind.CONSUMPTION);
        assertThat(EnmaTable.parse("touElectricityConsumption_1111111111").kind()).isEqualTo(TableKind.TOU);
        assertThat(EnmaTable.parse("tertiaryGasConsumption_1111111111").kind()).isEqualTo(TableKind.TERTIARY);
        assertThat(EnmaTable.parse("touristConsumption_1111111111").kind()).isEqualTo(TableKind.CONSUMPTION);
        assertThat(EnmaTable.parse("customers").kind()).isEqualTo(TableKind.CUSTOMERS);
        assertThat(EnmaTable.parse("tariffs").kind()).isEqualTo(TableKind.TARIFFS);
        assertThat(EnmaTable.parse("stations").kind()).isEqualTo(TableKind.STATIONS);
        assertThat(EnmaTable.parse("temperatureAir").kind()).isEqualTo(TableKind.WEATHER);
        assertThat(EnmaTable.parse("ot101").kind()).isEqualTo(TableKind.RESULTS);
    }

    @Test
    void unknownKindsAndBadTypesAreRefusedWithTheExpectedShapes() {
        assertThatThrownBy(() -> EnmaTable.parse("Customers-2"))
                .hasMessage("\"Customers-2\" is not an ENMA table name; expected one of <type>_<companyId>,"
                        + " tou<Type>_<companyId>, tertiary<Type>_<companyId>, customers, tariffs, <weatherType>,"
                        + " stations, otNNN, <type>Periods_<companyId>, <type>Trust_<companyId>");
        assertThatThrownBy(() -> EnmaTable.consumption("Electricity consumption", COMPANY))
                .hasMessageStartingWith("measure type \"Electricity consumption\" is invalid");
        assertThatThrownBy(() -> EnmaTable.weather("customers")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> EnmaTable.results("OT10")).hasMessageContaining("is not an analytic name");
    }

    @Test
    void namespacePrefixesEveryName() {
        assertThat(new TableNames("").of(EnmaTable.customers()).getNameAsString()).isEqualTo("customers");
        assertThat(new TableNames("enma").of(EnmaTable.customers()).getNameAsString()).isEqualTo("enma:customers");
        assertThatThrownBy(() -> new TableNames("en-ma")).hasMessageContaining("namespace \"en-ma\" is invalid");
    }

    @Test
    void analyticsNameTheirConsumptionTableByItsPrefixedType() {
        assertThat(EnmaTable.measuresOf("electricityConsumption", COMPANY))
                .isEqualTo(new EnmaTable(TableKind.CONSUMPTION, "electricityConsumption_1111111111"));
        assertThat(EnmaTable.measuresOf("touElectricityConsumption", COMPANY))
                .isEqualTo(new EnmaTable(TableKind.TOU, "touElectricityConsumption_1111111111"));
        assertThat(EnmaTable.measuresOf("tertiaryGasConsumption", COMPANY))
                .isEqualTo(new EnmaTable(TableKind.TERTIARY, "tertiaryGasConsumption_1111111111"));
        assertThatThrownBy(() -> EnmaTable.measuresOf("electricity consumption", COMPANY))
                .hasMessageStartingWith("measure type \"electricity consumption\" is invalid");
    }
}

package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enma.schema.MeasureKeyTest.bytes;
import static org.enma.schema.MeasureKeyTest.text;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static final CompanyId COMPANY = CompanyId.of("1111111111");

    @Test
    void customerAndStationKeys() {
        CompanyKey key = CompanyKey.of(COMPANY, "123457ABC");
        assertThat(text(key.encode())).isEqualTo("1111111111~123457ABC");
        assertThat(CompanyKey.decode(key.encode())).isEqualTo(key);
        assertThat(text(CompanyKey.prefix(COMPANY))).isEqualTo("1111111111~");
    }

    @Test
    void tariffKey() {
        TariffKey key = new TariffKey(COMPANY, "3.0A", LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31),
                LocalDate.of(2013, 1, 1), LocalDate.of(2013, 6, 30), "P1");
        assertThat(text(key.encode())).isEqualTo("1111111111~3.0A~20130101~20131231~20130101~20130630~P1");
        assertThat(TariffKey.decode(key.encode())).isEqualTo(key);
    }

    @Test
    void tariffDatesAreRealDates() {
        assertThatThrownBy(() -> TariffKey.parseDate("dateEnd_energyCost", "20130230"))
                .hasMessage("dateEnd_energyCost \"20130230\" is not a calendar date");
        assertThatThrownBy(() -> TariffKey.parseDate("dateStart_flatRate", "2013-01-01"))
                .hasMessage("dateStart_flatRate \"2013-01-01\" is invalid: write it as YYYYMMDD, e.g. 20130101");
    }

    @Test
    void resultKeyOfTheSpecExample() {
        ResultKey key = new ResultKey(Month.of(2013, 7), COMPANY, "123457ABC", SetupId.of("52234e386cb9fea66d5b2511"));
        assertThat(text(key.encode())).isEqualTo("201307~1111111111~123457ABC~52234e386cb9fea66d5b2511");
        assertThat(ResultKey.decode(key.encode())).isEqualTo(key);
        assertThat(text(ResultKey.prefix(Month.of(2013, 7), COMPANY))).isEqualTo("201307~1111111111~");
    }

    @Test
    void resultKeyRefusesMalformedParts() {
        assertThatThrownBy(() -> ResultKey.decode(bytes("201313~1111111111~C~52234e386cb9fea66d5b2511")))
                .hasMessage("month \"201313\" is not a calendar month (MM must be 01..12)");
        assertThatThrownBy(() -> ResultKey.decode(bytes("201307~1111111111~C")))
                .hasMessageContaining("is not a result key (<month>~<companyId>~<contractId>~<setupId>)");
    }

    @Test
    void monthParsing() {
        assertThat(Month.parse("201302").lengthOfMonth()).isEqualTo(28);
        assertThat(Month.parse("201602").lengthOfMonth()).isEqualTo(29);
        assertThat(Month.parse("201301").plusMonths(-1)).isEqualTo(Month.of(2012, 12));
        assertThat(Month.parse("201307").asNumber()).isEqualTo(201307);
        assertThatThrownBy(() -> Month.parse("2013-07")).hasMessage("month \"2013-07\" is invalid: write it as YYYYMM, e.g. 201307");
    }
}

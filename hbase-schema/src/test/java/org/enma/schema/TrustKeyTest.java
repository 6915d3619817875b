package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Trust-table names and keys, byte for byte as docs/data-model.md § Trust tables writes them. */
class TrustKeyTest {
    private static final CompanyId COMPANY = CompanyId.of("1111111111");

    @Test
    void theTrustTableSitsNextToItsMeasureTable() {
        assertThat(EnmaTable.trustOf(EnmaTable.consumption("electricityConsumption", COMPANY)))
                .isEqualTo(new EnmaTable(TableKind.TRUST, "electricityConsumptionTrust_1111111111"));
        assertThat(EnmaTable.trustOf(EnmaTable.tertiary("gasConsumption", COMPANY)).name())
                .isEqualTo("tertiaryGasConsumptionTrust_1111111111");
        assertThat(EnmaTable.parse("touElectricityConsumptionTrust_1111111111").kind()).isEqualTo(TableKind.TRUST);
        assertThat(EnmaTable.measuresOfTrust(EnmaTable.parse("touElectricityConsumptionTrust_1111111111")))
                .isEqualTo(new EnmaTable(TableKind.TOU, "touElectricityConsumption_1111111111"));
        assertThatThrownBy(() -> EnmaTable.consumption("gasTrust", COMPANY))
                .hasMessageContaining("a name ending in Trust is the trust table of another");
        assertThatThrownBy(() -> EnmaTable.trustOf(EnmaTable.customers()))
                .hasMessage("table customers has no trust table: only consumption tables do");
    }

    @Test
    void aKeyIsTheSaltTheContractAndTheLocalDay() {
        // CRC-32("CHBB") = 0x8cf1f98c, mod 16 = 12: salt c, as Python's zlib.crc32 gives it
        TrustKey key = new TrustKey("CHBB", LocalDate.of(2014, 1, 5));
        assertThat(key.toString()).isEqualTo("c~CHBB~20140105");
        assertThat(TrustKey.decode(key.encode())).isEqualTo(key);
        assertThat(TrustKey.companyTotal(LocalDate.of(2014, 1, 5)).toString()).isEqualTo("0~~20140105");
        assertThat(TrustKey.decode("0~~20140105".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isCompanyTotal()).isTrue();
        assertThatThrownBy(() -> TrustKey.decode("3~CHBB~2014".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("has no YYYYMMDD day");
    }
}

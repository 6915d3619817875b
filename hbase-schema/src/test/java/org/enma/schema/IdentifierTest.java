package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void acceptsOrdinaryIdsUpTo64Characters() {
        assertThat(Identifier.require("contractId", "CHBB")).isEqualTo("CHBB");
        String max = "a".repeat(64);
        assertThat(Identifier.require("contractId", max)).isEqualTo(max);
    }

    @Test
    void refusesEmpty() {
        assertThatThrownBy(() -> Identifier.require("contractId", ""))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("contractId is empty: an identifier must have at least one character");
    }

    @Test
    void refusesTheSeparator() {
        assertThatThrownBy(() -> Identifier.require("tariffId", "T~1"))
                .hasMessage("tariffId \"T~1\" contains '~', the row-key separator");
    }

    @Test
    void refusesControlCharactersAndShowsThemEscaped() {
        assertThatThrownBy(() -> Identifier.require("stationId", "ST\t1"))
                .hasMessage("stationId \"ST\\u00091\" contains a control character (U+0009)");
    }

    @Test
    void refusesOverLongIds() {
        assertThatThrownBy(() -> Identifier.require("contractId", "x".repeat(65)))
                .hasMessage("contractId \"xxxxxxxxxxxxxxxxxxxx...\" has 65 characters: at most 64 are allowed");
    }

    @Test
    void companyIdIsTenDigits() {
        assertThat(CompanyId.of("1111111111").asNumber()).isEqualTo(1111111111L);
        assertThatThrownBy(() -> CompanyId.of("111111111"))
                .hasMessage("companyId \"111111111\" is invalid: it must be exactly 10 decimal digits, e.g. 1111111111");
        assertThatThrownBy(() -> CompanyId.of("11111a1111")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void setupIdIs24HexDigits() {
        assertThat(SetupId.of("52234e386cb9fea66d5b2511").value()).isEqualTo("52234e386cb9fea66d5b2511");
        assertThatThrownBy(() -> SetupId.of("52234e386cb9fea66d5b251")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> SetupId.of("52234E386CB9FEA66D5B2511")).isInstanceOf(InvalidIdentifierException.class);
    }
}

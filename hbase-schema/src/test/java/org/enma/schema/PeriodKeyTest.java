package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/data-model.md § Period tables: keys, salts, period starts and the table name, byte for byte. */
class PeriodKeyTest {
    @Test
    void theSaltIsTheCrc32OfTheContractIdModulo16() {
        // zlib.crc32: "A" 0xd3d99e8b, "123457ABC" 0x463443ff, "CHBB" 0x8cf1f98c, "" 0
        assertThat(PeriodKey.salt("A")).isEqualTo('b');
        assertThat(PeriodKey.salt("123457ABC")).isEqualTo('f');
        assertThat(PeriodKey.salt("CHBB")).isEqualTo('c');
        assertThat(PeriodKey.salt("")).isEqualTo('0');
    }

    @Test
    void keysAreSaltContractAndLocalStart() {
        PeriodKey key = new PeriodKey("123457ABC", LocalDateTime.of(2014, 1, 6, 13, 0));
        assertThat(new String(key.encode(), StandardCharsets.UTF_8)).isEqualTo("f~123457ABC~201401061300");
        assertThat(PeriodKey.decode(key.encode())).isEqualTo(key);
        assertThat(PeriodKey.companyTotal(LocalDateTime.of(2014, 1, 1, 0, 0)).toString())
                .isEqualTo("0~~201401010000");
        assertThat(PeriodKey.decode("0~~201401010000".getBytes(StandardCharsets.UTF_8)).isCompanyTotal()).isTrue();
        assertThat(new String(PeriodKey.contractPrefix("A"), StandardCharsets.UTF_8)).isEqualTo("b~A~");
    }

    @Test
    void aContractPrefixGivesBackItsContractAndAnyKeyItsSalt() {
        assertThat(PeriodKey.contractOfPrefix("b~A~".getBytes(StandardCharsets.UTF_8))).isEqualTo("A");
        assertThat(PeriodKey.contractOfPrefix("f~123457ABC~".getBytes(StandardCharsets.UTF_8))).isEqualTo("123457ABC");
        assertThat(PeriodKey.saltOf("f~123457ABC~201401061300".getBytes(StandardCharsets.UTF_8))).isEqualTo(15);
        assertThat(PeriodKey.saltOf("0~~201401010000".getBytes(StandardCharsets.UTF_8))).isZero();
    }

    @Test
    void aKeyWithAWrongSaltOrStartIsRefused() {
        assertThatThrownBy(() -> PeriodKey.decode("0~A~201401010000".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("period key \"0~A~201401010000\" has salt 0, its contractId's is b");
        assertThatThrownBy(() -> PeriodKey.decode("b~A~2014010100".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("period key \"b~A~2014010100\" has no YYYYMMDDHHmm start");
        assertThatThrownBy(() -> PeriodKey.decode("bA".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("period key \"bA\" is not");
    }

    @Test
    void theStartIsReadFromAKeysLastTwelveDigits() {
        assertThat(PeriodKey.startOf("b~A~201402281730".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(LocalDateTime.of(2014, 2, 28, 17, 30));
        assertThat(PeriodKey.startOf("0~~201401010000".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(LocalDateTime.of(2014, 1, 1, 0, 0));
        assertThatThrownBy(() -> PeriodKey.startOf("b~A~2014010100".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("period key \"b~A~2014010100\" has no YYYYMMDDHHmm start");
        assertThatThrownBy(() -> PeriodKey.startOf("b~A~20140101x000".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("period key \"b~A~20140101x000\" has no YYYYMMDDHHmm start");
    }

    @Test
    void aPeriodTableIsSplitOnTheSixteenSalts() {
        assertThat(Arrays.stream(PeriodKey.splitKeys()).map(k -> new String(k, StandardCharsets.UTF_8)))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f");
    }

    @Test
    void periodsStartWhereTheSpecSays() {
        LocalDateTime l = LocalDateTime.of(2014, 1, 1, 13, 45);
        assertThat(Period.HOUR.startOf(l)).isEqualTo(LocalDateTime.of(2014, 1, 1, 13, 0));
        assertThat(Period.DAY.startOf(l)).isEqualTo(LocalDateTime.of(2014, 1, 1, 0, 0));
        // 1 January 2014 is a Wednesday: its ISO week began on Monday 30 December 2013
        assertThat(Period.WEEK.startOf(l)).isEqualTo(LocalDateTime.of(2013, 12, 30, 0, 0));
        assertThat(Period.MONTH.startOf(LocalDateTime.of(2014, 5, 17, 1, 0)))
                .isEqualTo(LocalDateTime.of(2014, 5, 1, 0, 0));
        assertThat(Period.QUARTER.startOf(LocalDateTime.of(2014, 6, 30, 23, 0)))
                .isEqualTo(LocalDateTime.of(2014, 4, 1, 0, 0));
        assertThat(Period.QUARTER.startOf(LocalDateTime.of(2014, 12, 1, 0, 0)))
                .isEqualTo(LocalDateTime.of(2014, 10, 1, 0, 0));
        assertThat(Period.YEAR.startOf(l)).isEqualTo(LocalDateTime.of(2014, 1, 1, 0, 0));
        // …201401010000 holds HOUR, DAY, MONTH, QUARTER, YEAR but not WEEK
        LocalDateTime newYear = LocalDateTime.of(2014, 1, 1, 0, 0);
        assertThat(Arrays.stream(Period.values()).filter(p -> p.startsAt(newYear)))
                .containsExactly(Period.HOUR, Period.DAY, Period.MONTH, Period.QUARTER, Period.YEAR);
        assertThat(Period.QUARTER.next(LocalDateTime.of(2014, 10, 1, 0, 0)))
                .isEqualTo(LocalDateTime.of(2015, 1, 1, 0, 0));
    }

    @Test
    void tariffPeriodQualifiersAreNumberedAndOnlyInstantOnesAreSummed() {
        assertThat(MeasureColumns.periodNumber("p12")).hasValue(12);
        assertThat(MeasureColumns.periodNumber("p1a")).isEmpty();
        assertThat(MeasureColumns.periodNumber("p0")).isEmpty();
        assertThat(MeasureColumns.periodNumber("v")).isEmpty();
        assertThat(MeasureColumns.isNumber("p1a")).isTrue();
        assertThat(MeasureColumns.isNumber("periodKey")).isFalse();
    }

    @Test
    void thePeriodTableSitsNextToItsMeasureTable() {
        CompanyId company = CompanyId.of("1111111111");
        assertThat(EnmaTable.periodsOf(EnmaTable.consumption("electricityConsumption", company)))
                .isEqualTo(new EnmaTable(TableKind.PERIODS, "electricityConsumptionPeriods_1111111111"));
        assertThat(EnmaTable.periodsOf(EnmaTable.tou("electricityConsumption", company)).name())
                .isEqualTo("touElectricityConsumptionPeriods_1111111111");
        assertThat(EnmaTable.parse("tertiaryGasConsumptionPeriods_1111111111").kind()).isEqualTo(TableKind.PERIODS);
        assertThat(EnmaTable.parse("electricityConsumption_1111111111").kind()).isEqualTo(TableKind.CONSUMPTION);
        assertThatThrownBy(() -> EnmaTable.consumption("gasPeriods", company))
                .hasMessageContaining("a name ending in Periods is the period table of another");
        assertThatThrownBy(() -> EnmaTable.periodsOf(EnmaTable.customers()))
                .hasMessage("table customers has no period table: only consumption tables do");
    }

    @Test
    void aPeriodTableNamesTheTableItRollsUp() {
        assertThat(EnmaTable.measuresOfPeriods(EnmaTable.parse("touElectricityConsumptionPeriods_1111111111")))
                .isEqualTo(new EnmaTable(TableKind.TOU, "touElectricityConsumption_1111111111"));
        assertThat(EnmaTable.measuresOfPeriods(EnmaTable.parse("tertiaryGasConsumptionPeriods_1111111111")))
                .isEqualTo(new EnmaTable(TableKind.TERTIARY, "tertiaryGasConsumption_1111111111"));
        assertThat(EnmaTable.measuresOfPeriods(EnmaTable.parse("electricityConsumptionPeriods_1111111111")))
                .isEqualTo(new EnmaTable(TableKind.CONSUMPTION, "electricityConsumption_1111111111"));
        assertThatThrownBy(() -> EnmaTable.measuresOfPeriods(EnmaTable.customers()))
                .hasMessage("table customers is not a period table");
    }

    @Test
    void theStartsPatternMatchesTheContractsRowsOfThoseStartsOnly() {
        String pattern = PeriodKey.startsPattern(java.util.List.of(java.time.LocalDateTime.of(2014, 2, 1, 0, 0),
                java.time.LocalDateTime.of(2014, 1, 1, 0, 0)));
        assertThat(pattern).isEqualTo("^[0-9a-f]~[^~]+~(201401010000|201402010000)$");
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        assertThat(p.matcher("3~C1~201401010000").find()).isTrue();
        assertThat(p.matcher("0~~201401010000").find()).as("the company total").isFalse();
        assertThat(p.matcher("3~C1~201401010100").find()).isFalse();
    }
}

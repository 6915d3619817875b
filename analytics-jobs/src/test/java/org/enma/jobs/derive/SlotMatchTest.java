package org.enma.jobs.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.enma.schema.CompanyId;
import org.enma.schema.TariffKey;
import org.junit.jupiter.api.Test;

class SlotMatchTest {
    private static final CompanyId COMPANY = CompanyId.of("1111111111");

    private static TariffSlot slot(String periodKey, LocalDate from, LocalDate to, String period, String hours,
                                   String days) {
        return TariffSlot.of(new TariffKey(COMPANY, "T", from, to, from, to, periodKey), Map.of(
                "periodStart", period.substring(0, 4), "periodEnd", period.substring(5),
                "hourStart", hours.substring(0, 6), "hourEnd", hours.substring(7),
                "days", days, "timeSlotName", "slot " + periodKey, "energyCost", "12.5", "flatRate", "3"));
    }

    private static final LocalDate Y2013 = LocalDate.of(2013, 1, 1);
    private static final LocalDate END_2013 = LocalDate.of(2013, 12, 31);
    private static final String WEEKDAYS = "Mon,Tue,Wed,Thu,Fri";
    private static final String ALL_DAYS = "Mon,Tue,Wed,Thu,Fri,Sat,Sun";

    @Test
    void aNightSlotWrapsOverMidnightAndAWinterPeriodOverNewYear() {
        // winter (1 Nov – 31 Mar) nights 22:00–08:00, every day
        TariffSlot winterNight = slot("P3", LocalDate.of(2012, 1, 1), END_2013, "1101-0331", "220000-080000",
                ALL_DAYS);
        assertThat(winterNight.covers(LocalDateTime.of(2012, 12, 31, 23, 59, 59))).isTrue();  // New Year's Eve
        assertThat(winterNight.covers(LocalDateTime.of(2013, 1, 1, 0, 59, 59))).isTrue();     // past midnight
        assertThat(winterNight.covers(LocalDateTime.of(2013, 1, 1, 7, 59, 59))).isTrue();     // end exclusive …
        assertThat(winterNight.covers(LocalDateTime.of(2013, 1, 1, 8, 0, 0))).isFalse();      // … at 08:00
        assertThat(winterNight.covers(LocalDateTime.of(2013, 1, 1, 21, 59, 59))).isFalse();
        assertThat(winterNight.covers(LocalDateTime.of(2013, 3, 31, 23, 0))).isTrue();        // period end inclusive
        assertThat(winterNight.covers(LocalDateTime.of(2013, 4, 1, 23, 0))).isFalse();        // summer
    }

    @Test
    void weekdaySetsAndWholeDaySlots() {
        // 2013-07-05 is a Friday, 2013-07-06 a Saturday
        TariffSlot weekdays = slot("P1", Y2013, END_2013, "0101-1231", "000000-000000", WEEKDAYS);
        assertThat(weekdays.covers(LocalDateTime.of(2013, 7, 5, 12, 0))).isTrue();
        assertThat(weekdays.covers(LocalDateTime.of(2013, 7, 6, 12, 0))).isFalse();
        TariffSlot untilEndOfDay = slot("P2", Y2013, END_2013, "0101-1231", "180000-240000", "Sat,Sun");
        assertThat(untilEndOfDay.covers(LocalDateTime.of(2013, 7, 6, 23, 59, 59))).isTrue();
        assertThat(untilEndOfDay.covers(LocalDateTime.of(2013, 7, 6, 17, 59, 59))).isFalse();
    }

    @Test
    void aTariffChangeInTheMiddleOfAMonthSwitchesSlotsOnItsDate() {
        // price version 1 until 15 July 2013, version 2 from 16 July
        List<TariffSlot> slots = List.of(
                slot("V1", Y2013, LocalDate.of(2013, 7, 15), "0101-1231", "000000-000000", ALL_DAYS),
                slot("V2", LocalDate.of(2013, 7, 16), END_2013, "0101-1231", "000000-000000", ALL_DAYS));
        assertThat(SlotMatch.of(slots, LocalDateTime.of(2013, 7, 15, 23, 59, 59)).slot().orElseThrow().periodKey())
                .isEqualTo("V1");
        assertThat(SlotMatch.of(slots, LocalDateTime.of(2013, 7, 16, 0, 59, 59)).slot().orElseThrow().periodKey())
                .isEqualTo("V2");
    }

    @Test
    void noSlotIsUnpricedAndTwoSlotsAreAmbiguous() {
        List<TariffSlot> overlapping = List.of(
                slot("P1", Y2013, END_2013, "0101-1231", "080000-220000", WEEKDAYS),
                slot("P2", Y2013, END_2013, "0101-1231", "200000-080000", WEEKDAYS));
        assertThat(SlotMatch.of(overlapping, LocalDateTime.of(2013, 7, 5, 21, 0)).outcome())
                .isEqualTo(SlotMatch.Outcome.AMBIGUOUS);
        assertThat(SlotMatch.of(overlapping, LocalDateTime.of(2013, 7, 6, 12, 0)).outcome())
                .isEqualTo(SlotMatch.Outcome.UNPRICED);
        SlotMatch priced = SlotMatch.of(overlapping, LocalDateTime.of(2013, 7, 5, 12, 0));
        assertThat(priced.outcome()).isEqualTo(SlotMatch.Outcome.PRICED);
        assertThat(priced.slot().orElseThrow().timeSlotName()).isEqualTo("slot P1");
    }

    @Test
    void malformedCellsNameTheField() {
        assertThatThrownBy(() -> slot("P", Y2013, END_2013, "0101-1231", "000000-000000", "Mon,Fun"))
                .hasMessage("tariff slot days \"Mon,Fun\" has \"Fun\", not one of Mon,Tue,Wed,Thu,Fri,Sat,Sun");
        assertThatThrownBy(() -> slot("P", Y2013, END_2013, "1301-1231", "000000-000000", ALL_DAYS))
                .hasMessage("tariff slot periodStart \"1301\" is not mmdd");
    }
}

package org.enma.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.CompanyId;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.junit.jupiter.api.Test;

/** What a load tells of its contract-days, chunk by chunk, with a listener that takes a day whole past 2 contracts. */
class DayRecorderTest {
    private static final EnmaTable TABLE = EnmaTable.consumption("electricityConsumption", CompanyId.of("1000000030"));
    /** 2013-07-01T01:00Z and 2013-07-02T01:00Z (UTC). */
    private static final long JULY_1 = 1372640400L;
    private static final long JULY_2 = JULY_1 + 86_400;

    private final List<String> told = new ArrayList<>();
    private final DayRecorder recorder = DayRecorder.of(TABLE, ZoneOffset.UTC, new LoadedDays() {
        @Override
        public void about(EnmaTable table, Collection<ContractDay> days, Collection<LocalDate> wholeDays) {
            told.add(days.stream().map(d -> d.contractId() + "@" + d.day()).sorted().toList() + " whole "
                    + wholeDays);
        }

        @Override
        public int wholeDayAfter() {
            return 2;
        }
    });

    /** One batch: its rows taken, then told. */
    private void tell(Put[] batch) throws Exception {
        recorder.add(recorder.ofChunk().apply(batch));
        recorder.tell().get();
    }

    private static Put row(String contract, long timestamp) {
        return new Put(MeasureKey.of(timestamp, contract).encode());
    }

    @Test
    void eachContractDayOnceThenADayWholeOnceItHasTooManyContracts() throws Exception {
        tell(new Put[] {row("A", JULY_1), row("A", JULY_1 + 3600), null, row("B", JULY_1)});
        // A and B of 1 July again: nothing new to tell
        tell(new Put[] {row("A", JULY_1 + 7200), row("B", JULY_1 + 7200)});
        // a third contract of 1 July: past 2, the day goes whole; 2 July is still told by contract
        tell(new Put[] {row("C", JULY_1), row("C", JULY_2)});
        // 1 July is whole: its contracts are not told again
        tell(new Put[] {row("D", JULY_1), row("E", JULY_1)});
        assertThat(told).containsExactly("[A@2013-07-01, B@2013-07-01] whole []",
                "[C@2013-07-02] whole [2013-07-01]");
    }

    @Test
    void aBatchOfChunksIsToldInOneCall() throws Exception {
        recorder.add(recorder.ofChunk().apply(new Put[] {row("A", JULY_1)}));
        recorder.add(recorder.ofChunk().apply(new Put[] {row("A", JULY_1), row("B", JULY_2)}));
        assertThat(told).isEmpty();
        recorder.tell().get();
        recorder.tell().get();
        assertThat(told).containsExactly("[A@2013-07-01, B@2013-07-02] whole []");
    }

    @Test
    void fullOnceAHundredThousandContractDaysWaitUntilTheyAreTold() throws Exception {
        List<ContractDay> days = new ArrayList<>();
        for (int c = 0; c < 99_999; c++) {
            days.add(new ContractDay("C" + c, LocalDate.of(2013, 7, 1 + c % 2)));
        }
        recorder.add(days);
        // one told before is not waiting again
        recorder.add(List.of(new ContractDay("C0", LocalDate.of(2013, 7, 1))));
        assertThat(recorder.full()).isFalse();
        recorder.add(List.of(new ContractDay("C0", LocalDate.of(2013, 7, 3))));
        assertThat(recorder.full()).isTrue();
        recorder.tell().get();
        assertThat(recorder.full()).isFalse();
    }

    @Test
    void aChunksDaysComeOncePerRunOfRowsOfOneContractAndDayInRowOrder() {
        // 1 July 01:00 and 23:00 are one day; 2 July 00:00 still belongs to 1 July (the interval convention)
        assertThat(DayRecorder.daysOf(new Put[] {row("A", JULY_1), null, row("A", JULY_1 + 22 * 3600),
                row("A", JULY_2 - 3600), row("B", JULY_1), row("A", JULY_2)}, ZoneOffset.UTC))
                .extracting(d -> d.contractId() + "@" + d.day())
                .containsExactly("A@2013-07-01", "B@2013-07-01", "A@2013-07-02");
    }

    @Test
    void aDayOfTwentyFiveHoursIsOneDayInItsZone() {
        // Madrid, 27 October 2013, clocks back at 03:00 CEST: the local day runs from 26 Oct 22:00 UTC to 27 Oct 23:00
        // UTC. Stamped 22:00Z (00:00 CEST) belongs to 26 October, 23:00Z on the 26th (01:00) to the 27th, and so does
        // 23:00Z on the 27th (00:00 CET on the 28th), 25 hours later; 00:00Z on the 28th (01:00 CET) is the 28th.
        assertThat(DayRecorder.daysOf(new Put[] {row("A", 1382824800L), row("A", 1382828400L),
                row("A", 1382914800L), row("A", 1382918400L)}, ZoneId.of("Europe/Madrid")))
                .extracting(d -> d.contractId() + "@" + d.day())
                .containsExactly("A@2013-10-26", "A@2013-10-27", "A@2013-10-28");
    }

    @Test
    void otherTablesThanConsumptionTellNothing() throws Exception {
        List<String> heard = new ArrayList<>();
        DayRecorder weather = DayRecorder.of(EnmaTable.weather("temperatureAir"), ZoneOffset.UTC,
                (table, days, wholeDays) -> heard.add(table.name()));
        weather.add(weather.ofChunk().apply(new Put[] {row("ST", JULY_1)}));
        weather.tell().get();
        assertThat(heard).isEmpty();
    }
}

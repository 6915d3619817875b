package org.enma.jobs.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.enma.jobs.read.Measure;
import org.enma.schema.CompanyId;
import org.enma.schema.MeasureKey;
import org.enma.schema.TariffKey;
import org.junit.jupiter.api.Test;

/** The derive rules over a contract's series, with the writes applied to an in-memory copy of the rows. */
class DeriverTest {
    private static final CompanyId COMPANY = CompanyId.of("1111111111");
    private static final LocalDate FROM = LocalDate.of(2013, 1, 1);
    private static final LocalDate TO = LocalDate.of(2013, 12, 31);
    /** Day 08:00–24:00 at 15 cents, night 00:00–08:00 at 8 cents, every day of 2013. */
    private static final TariffSlots TARIFFS = TariffSlots.of(Map.of(key("P1"), slot("day", "15", "080000",
            "000000"), key("P2"), slot("night", "8", "000000", "080000")));
    /** K and L have tariff 2T, N none. */
    private static final Map<String, String> TARIFF_OF = Map.of("K", "2T", "L", "2T");

    private final Map<String, Map<String, String>> rows = new TreeMap<>();
    private final List<Measure> waiting = new ArrayList<>();
    private final Deriver deriver = new Deriver(ZoneOffset.UTC, this::apply, waiting::add);

    private static TariffKey key(String periodKey) {
        return new TariffKey(COMPANY, "2T", FROM, TO, FROM, TO, periodKey);
    }

    private static Map<String, String> slot(String name, String cost, String start, String end) {
        return Map.of("timeSlotName", name, "energyCost", cost, "flatRate", "2.5", "periodStart", "0101",
                "periodEnd", "1231", "hourStart", start, "hourEnd", end, "days", "Mon,Tue,Wed,Thu,Fri,Sat,Sun");
    }

    /** A measure of {@code contract} stamped {@code hour}:00 on 2 January 2013 UTC, with these cells. */
    private Measure measure(String contract, int hour, String... cells) {
        long ts = LocalDateTime.of(2013, 1, 2, hour, 0).toEpochSecond(ZoneOffset.UTC);
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            texts.put(cells[i], cells[i + 1]);
        }
        rows.put(MeasureKey.of(ts, contract).toString(), new TreeMap<>(texts));
        return new Measure(contract, ts, texts.containsKey("v") ? Double.valueOf(texts.get("v")) : null, null, texts);
    }

    private Map<String, String> row(String contract, int hour) {
        long ts = LocalDateTime.of(2013, 1, 2, hour, 0).toEpochSecond(ZoneOffset.UTC);
        return rows.get(MeasureKey.of(ts, contract).toString());
    }

    /** What a derive run's walk does with each measure of a contract's series. */
    private static void priceAndFollow(Deriver deriver, Measure measure) {
        deriver.price(measure, TARIFFS.of(TARIFF_OF.get(measure.id())));
        deriver.follow(measure);
    }

    private void apply(Mutation mutation) {
        Map<String, String> row = rows.get(new String(mutation.getRow(), StandardCharsets.UTF_8));
        for (List<Cell> cells : mutation.getFamilyCellMap().values()) {
            for (Cell cell : cells) {
                String qualifier = new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8);
                if (mutation instanceof Put) {
                    row.put(qualifier, new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
                } else if (mutation instanceof Delete) {
                    row.remove(qualifier);
                }
            }
        }
    }

    @Test
    void derivesInstantValuesAlongAContractsReadingsAndCountsResets() {
        Measure first = measure("K", 1, "va", "100");
        priceAndFollow(deriver, first);
        priceAndFollow(deriver, measure("K", 2, "va", "101.5"));
        priceAndFollow(deriver, measure("K", 3, "va", "101.5"));
        priceAndFollow(deriver, measure("K", 4, "va", "3"));                              // meter replaced: reset
        priceAndFollow(deriver, measure("K", 5, "va", "4.25"));
        priceAndFollow(deriver, measure("K", 6, "v", "7", "va", "10", "calc", "0"));      // uploaded: untouched
        // an older derivation, now wrong
        priceAndFollow(deriver, measure("K", 7, "v", "5.75", "va", "12", "calc", "1"));
        priceAndFollow(deriver, measure("L", 1, "v", "3", "calc", "0"));

        // the first reading of K waits for one from before the range; L's first has an uploaded v and does not
        assertThat(waiting).containsExactly(first);
        assertThat(row("K", 2)).containsEntry("v", "1.5").containsEntry("calc", "1");
        assertThat(row("K", 3)).containsEntry("v", "0").containsEntry("calc", "1");
        assertThat(row("K", 4)).doesNotContainKeys("v", "calc");
        assertThat(row("K", 5)).containsEntry("v", "1.25").containsEntry("calc", "1");
        assertThat(row("K", 6)).containsEntry("v", "7").containsEntry("calc", "0");
        assertThat(row("K", 7)).containsEntry("v", "2").containsEntry("calc", "1");   // 12 − 10
        assertThat(deriver.counts().summaryLine())
                .isEqualTo("measures=8 derived=4 priced=8 unpriced=0 ambiguous=0 resets=1 badCells=0");

        deriver.derive("99.25", first);                                          // the reading before the range
        assertThat(row("K", 1)).containsEntry("v", "0.75").containsEntry("calc", "1");
        assertThat(deriver.counts().derived()).isEqualTo(5);
    }

    @Test
    void validationsVerdictsAndEstimatesStand() {
        priceAndFollow(deriver, measure("K", 1, "va", "100", "v", "0.5", "calc", "1"));
        // a derived spike validation set aside: its v is validation's
        priceAndFollow(deriver, measure("K", 2, "va", "150", "v", "1", "calc", "1", "est", "linear", "q", "spike",
                "raw", "50"));
        // an estimate across a gap the index spans: validation spread the index's difference over the run
        priceAndFollow(deriver, measure("K", 3, "va", "151.25", "v", "0.9", "calc", "1", "est", "linear"));
        // an estimate across a meter reset: no value from the readings, the estimate stands
        priceAndFollow(deriver, measure("K", 4, "va", "2", "v", "0.8", "calc", "1", "est", "likeDay"));
        assertThat(row("K", 2)).containsEntry("v", "1").containsEntry("est", "linear").containsEntry("raw", "50");
        assertThat(row("K", 3)).containsEntry("v", "0.9").containsEntry("est", "linear");
        assertThat(row("K", 4)).containsEntry("v", "0.8").containsEntry("est", "likeDay");
    }

    @Test
    void pricesEachMeasureByTheSlotOfItsIntervalAndLeavesOthersUnpriced() {
        // stamped 08:00 = the interval 07:00–08:00, night; stamped 09:00 = 08:00–09:00, day
        priceAndFollow(deriver, measure("K", 8, "v", "2", "calc", "0"));
        priceAndFollow(deriver, measure("K", 9, "v", "2", "calc", "0", "periodKey", "P9", "timeSlotName", "old"));
        // N has no tariff
        priceAndFollow(deriver, measure("N", 9, "v", "1", "calc", "0", "periodKey", "P1", "energyCost", "15"));

        assertThat(row("K", 8)).containsEntry("periodKey", "P2").containsEntry("timeSlotName", "night")
                .containsEntry("energyCost", "8").containsEntry("flatRate", "2.5");
        assertThat(row("K", 9)).containsEntry("periodKey", "P1").containsEntry("timeSlotName", "day")
                .containsEntry("energyCost", "15");
        // a slot written by an earlier run with other tariffs is removed
        assertThat(row("N", 9)).doesNotContainKeys("periodKey", "energyCost").containsEntry("v", "1");
        assertThat(deriver.counts().summaryLine())
                .isEqualTo("measures=3 derived=0 priced=2 unpriced=1 ambiguous=0 resets=0 badCells=0");
    }

    @Test
    void aRerunOverItsOwnOutputWritesNothing() {
        List<Measure> rerunWaiting = new ArrayList<>();
        Deriver rerun = new Deriver(ZoneOffset.UTC, mutation -> {
            throw new AssertionError("rewrote " + mutation);
        }, rerunWaiting::add);
        priceAndFollow(rerun, measure("K", 2, "va", "101.5", "v", "1.5", "calc", "1", "periodKey", "P2",
                "timeSlotName", "night", "energyCost", "8", "flatRate", "2.5"));
        rerun.derive("101.5", measure("K", 3, "va", "101.5", "v", "0", "calc", "1", "periodKey", "P2",
                "timeSlotName", "night", "energyCost", "8", "flatRate", "2.5"));
        assertThat(rerun.counts().summaryLine())
                .isEqualTo("measures=1 derived=1 priced=1 unpriced=0 ambiguous=0 resets=0 badCells=0");
        assertThat(rerunWaiting).hasSize(1);
    }
}

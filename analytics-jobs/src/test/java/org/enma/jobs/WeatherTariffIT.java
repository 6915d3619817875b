package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.bson.Document;
import org.enma.jobs.derive.DeriveCounts;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.TableNames;
import org.enma.store.ResultSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code enma derive} and OT501 / OT503 / OT603 / OT701 on a hand-made company, February 2013 (UTC). Weekdays: 1
 * February 2013 is a Friday, so 2 and 9 are Saturdays, 5 a Tuesday, 6 a Wednesday, 7 a Thursday.
 *
 * <pre>
 * tariff TT, version 1 (1 Jan – 1 Feb 2013): P1 "flat" all day, every day, 10 c/kWh
 *            version 2 (2 Feb – 31 Dec 2013): P1 "day" 08–20 Mon–Fri 20 c; P2 "night" 20–08 Mon–Fri 5 c;
 *                                             P3 "weekend" all day Sat, Sun 7 c
 *            extra slot PX (5 Feb 2013 only): all day, every day 99 c — makes 5 February ambiguous
 * V1 (TT, va only): 31 Jan 12:00 va 90, 1 Feb 00:00 va 100.5 (both before February's range: the 00:00 reading
 *     belongs to 31 January), then 1 Feb 01:00 101.25, 02:00 102, 03:00 1.5 (meter replaced), 04:00 2,
 *     5 Feb 10:00 5, 6 Feb 21:00 8, 7 Feb 09:00 9, 9 Feb 10:00 10
 * V2 (TT, va only): 20 Dec 2012 12:00 va 50 (six weeks before the range), 2 Feb 12:00 va 80
 * U (no customer row): 1 Feb 01:00 v 2 calc 0 va 10; 02:00 v 3 calc 0
 * W (station ST-W): v 4 at 1 Feb 12:00, 2 at 1 Feb 18:00, 3 at 2 Feb 12:00, 5 at 3 Feb 12:00;
 *     ST-W: 4 °C at 1 Feb 06:00 and 8 °C at 14:00, −1.5 °C at 2 Feb 10:00, nothing on 3 Feb
 * H (station ST-H), 1 Jan – 9 Feb 2013 (40 days), day d = 0 … 39: T = 18 − (d mod 5), v = 10 + 2·(d mod 5) at 12:00
 * HC (station ST-HC), same days: T cycles 16, 18, 20, 22, 24; v = 5 + 1.5·HDD + 2·CDD = 8, 5, 5, 7, 11
 * S (station ST-H): 1 – 29 Jan 2013, v 1 at 12:00 — 29 days
 * </pre>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeatherTariffIT extends JobsOnTestStack {
    static final CompanyId COMPANY = CompanyId.of("5555555555");
    static final Month FEB_2013 = Month.of(2013, 2);
    private static final String ALL_DAYS = "Mon,Tue,Wed,Thu,Fri,Sat,Sun";
    private static final String WEEKDAYS = "Mon,Tue,Wed,Thu,Fri";

    @BeforeAll
    void company() throws IOException {
        LocalDate jan1 = LocalDate.of(2013, 1, 1);
        LocalDate feb1 = LocalDate.of(2013, 2, 1);
        LocalDate feb2 = LocalDate.of(2013, 2, 2);
        LocalDate dec31 = LocalDate.of(2013, 12, 31);
        CompanyFixture fixture = new CompanyFixture(stack, COMPANY)
                .customer("V1", "08001", "TT").customer("V2", "08001", "TT")
                .customer("W", "08001", null).attribute("W", "weatherStationId", "ST-W")
                .customer("H", "08001", null).attribute("H", "weatherStationId", "ST-H")
                .customer("HC", "08001", null).attribute("HC", "weatherStationId", "ST-HC")
                .customer("S", "08001", null).attribute("S", "weatherStationId", "ST-H")
                .tariffRow("TT", jan1, feb1, "P1", slot("flat", "10", "0101", "1231", "000000", "000000", ALL_DAYS))
                .tariffRow("TT", feb2, dec31, "P1", slot("day", "20", "0101", "1231", "080000", "200000", WEEKDAYS))
                .tariffRow("TT", feb2, dec31, "P2", slot("night", "5", "0101", "1231", "200000", "080000", WEEKDAYS))
                .tariffRow("TT", feb2, dec31, "P3", slot("weekend", "7", "0101", "1231", "000000", "000000",
                        "Sat,Sun"))
                .tariffRow("TT", LocalDate.of(2013, 2, 5), LocalDate.of(2013, 2, 5), "PX",
                        slot("special", "99", "0101", "1231", "000000", "000000", ALL_DAYS))
                .measure("V1", at(1, 31, 12), "va", "90").measure("V1", at(2, 1, 0), "va", "100.5")
                .measure("V1", at(2, 1, 1), "va", "101.25").measure("V1", at(2, 1, 2), "va", "102")
                .measure("V1", at(2, 1, 3), "va", "1.5").measure("V1", at(2, 1, 4), "va", "2")
                .measure("V1", at(2, 5, 10), "va", "5").measure("V1", at(2, 6, 21), "va", "8")
                .measure("V1", at(2, 7, 9), "va", "9").measure("V1", at(2, 9, 10), "va", "10")
                .measure("V2", LocalDateTime.of(2012, 12, 20, 12, 0), "va", "50")
                .measure("V2", at(2, 2, 12), "va", "80")
                .measure("U", at(2, 1, 1), "v", "2", "calc", "0", "va", "10")
                .measure("U", at(2, 1, 2), "v", "3", "calc", "0")
                .reading("W", at(2, 1, 12), 4).reading("W", at(2, 1, 18), 2).reading("W", at(2, 2, 12), 3)
                .reading("W", at(2, 3, 12), 5)
                .temperature("ST-W", at(2, 1, 6), 4).temperature("ST-W", at(2, 1, 14), 8)
                .temperature("ST-W", at(2, 2, 10), -1.5);
        int[] coolingCycle = {16, 18, 20, 22, 24};
        double[] coolingUse = {8, 5, 5, 7, 11};
        for (int d = 0; d < 40; d++) {
            LocalDateTime noon = jan1.plusDays(d).atTime(12, 0);
            fixture.temperature("ST-H", noon, 18 - d % 5).reading("H", noon, 10 + 2 * (d % 5))
                    .temperature("ST-HC", noon, coolingCycle[d % 5]).reading("HC", noon, coolingUse[d % 5]);
        }
        fixture.daily("S", jan1, LocalDate.of(2013, 1, 29), 1).write();
    }

    private static LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(2013, month, day, hour, 0);
    }

    private static Map<String, String> slot(String name, String cost, String periodStart, String periodEnd,
                                            String hourStart, String hourEnd, String days) {
        return Map.of("timeSlotName", name, "energyCost", cost, "flatRate", "3", "periodStart", periodStart,
                "periodEnd", periodEnd, "hourStart", hourStart, "hourEnd", hourEnd, "days", days);
    }

    @Test
    @Order(1)
    void deriveFillsInstantValuesAndTariffSlotsAndARerunChangesNothing() throws IOException {
        DeriveCounts counts = derive();
        // in range: V1 8, V2 1, U 2, W 4, H 9, HC 9 = 33 measures. Derived: V1 1 Feb 01:00 (101.25 − 100.5, the
        // reading before the range), 02:00, 04:00, 5, 6, 7, 9 Feb = 7; V2 80 − 50 (found six weeks back) = 1. Reset: V1 1 Feb 03:00.
        // Priced: V1 1 Feb ×4 (version 1), 6 Feb (P2), 7 Feb (P1), 9 Feb (P3), V2 2 Feb (P3) = 8; ambiguous: V1
        // 5 Feb (P1 and PX); unpriced: U's 2 (no customer row), W's 4, H's 9, HC's 9 (no tariff) = 24.
        assertThat(counts.summaryLine()).isEqualTo("measures=33 derived=8 priced=8 unpriced=24 ambiguous=1 resets=1 badCells=0");
        Map<String, Map<String, String>> cells = consumptionCells();
        assertThat(cells.get(key("V1", at(2, 1, 1)))).containsEntry("v", "0.75").containsEntry("calc", "1")
                .containsEntry("periodKey", "P1").containsEntry("timeSlotName", "flat")
                .containsEntry("energyCost", "10").containsEntry("flatRate", "3");
        assertThat(cells.get(key("V1", at(2, 1, 3)))).doesNotContainKeys("v", "calc");
        assertThat(cells.get(key("V1", at(2, 1, 4)))).containsEntry("v", "0.5");
        assertThat(cells.get(key("V1", at(2, 5, 10)))).containsEntry("v", "3").doesNotContainKey("periodKey");
        assertThat(cells.get(key("V1", at(2, 6, 21)))).containsEntry("v", "3").containsEntry("periodKey", "P2");
        assertThat(cells.get(key("V1", at(2, 7, 9)))).containsEntry("v", "1").containsEntry("periodKey", "P1")
                .containsEntry("timeSlotName", "day").containsEntry("energyCost", "20");
        assertThat(cells.get(key("V2", at(2, 2, 12)))).containsEntry("v", "30").containsEntry("periodKey", "P3");
        // before the range: read, never written
        assertThat(cells.get(key("V1", at(2, 1, 0)))).isEqualTo(Map.of("va", "100.5"));
        // uploaded: untouched
        assertThat(cells.get(key("U", at(2, 1, 1)))).isEqualTo(Map.of("v", "2", "calc", "0", "va", "10"));

        Document run = mongo.database().getCollection("jobRuns")
                .find(Filters.and(Filters.eq("ot", "derive"), Filters.eq("companyId", COMPANY.asNumber()))).first();
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInteger("from")).isEqualTo(201302);
        assertThat(run.getLong("ambiguous")).isEqualTo(1L);

        assertThat(derive().summaryLine()).isEqualTo(counts.summaryLine());
        assertThat(consumptionCells()).isEqualTo(cells);
    }

    @Test
    @Order(2)
    void ot501CostsEachTariffPeriod() {
        JobReport report = run("OT501", Map.of());
        assertThat(report.results()).isEqualTo(6);   // V1, V2, U, W, H, HC have a v in February
        // V1: P1 = 0.75 + 0.75 + 0.5 at 10 c (version 1, "flat") + 1 at 20 c ("day") = 3 kWh, 0.2 + 0.2 = 0.40 €;
        // P2 3 kWh × 5 c = 0.15 €; P3 1 × 7 c = 0.07 €; 5 Feb's 3 kWh ambiguous → unpriced; total 10 kWh, 0.62 €
        assertThat(fieldsOf(result("OT501", "V1", report))).isEqualTo(Map.of(
                "periods", List.of(period("P1", "day / flat", 3.0, 0.4), period("P2", "night", 3.0, 0.15),
                        period("P3", "weekend", 1.0, 0.07)),
                "totalConsumption", 10.0, "totalEnergyCost", 0.62, "unpricedConsumption", 3.0));
        assertThat(fieldsOf(result("OT501", "V2", report))).isEqualTo(Map.of(
                "periods", List.of(period("P3", "weekend", 30.0, 2.1)),
                "totalConsumption", 30.0, "totalEnergyCost", 2.1, "unpricedConsumption", 0.0));
        assertThat(fieldsOf(result("OT501", "U", report))).isEqualTo(Map.of(
                "periods", List.of(), "totalConsumption", 5.0, "totalEnergyCost", 0.0, "unpricedConsumption", 5.0));
    }

    @Test
    @Order(3)
    void ot503PutsEachDayBesideItsStationsMeanTemperature() {
        JobReport report = run("OT503", Map.of());
        assertThat(report.results()).isEqualTo(6);
        // 1 Feb: 4 + 2 kWh, (4 + 8) / 2 = 6 °C; 2 Feb: 3 kWh, −1.5 °C; 3 Feb: 5 kWh, no weather
        assertThat(fieldsOf(result("OT503", "W", report))).isEqualTo(Map.of("days", List.of(
                new Document(Map.of("day", 20130201, "consumption", 6.0, "temperature", 6.0)),
                new Document(Map.of("day", 20130202, "consumption", 3.0, "temperature", -1.5)),
                new Document(Map.of("day", 20130203, "consumption", 5.0)))));
    }

    @Test
    @Order(4)
    void ot603GivesKwhPerHourOfTheHoursItCanTellAndSkipsReadingsWithoutHours() {
        JobReport report = run("OT603", Map.of());
        // U: Friday 1 Feb, readings an hour apart (interval 3600): hour 0 holds 2 kWh, hour 1 holds 3
        List<Double> weekday = new ArrayList<>(Arrays.asList(new Double[24]));
        weekday.set(0, 2.0);
        weekday.set(1, 3.0);
        Document u = result("OT603", "U", report);
        assertThat(u.getList("weekdayProfile", Double.class)).isEqualTo(weekday);
        assertThat(u.getList("weekendProfile", Double.class)).containsOnlyNulls();
        // no hour whose intervals could be counted: V2 reads once in February, W's readings are 6 and 18 hours
        // apart and then a day, H and HC read once a day
        assertThat(report.skipped()).containsEntry("noHours", 4L);
    }

    @Test
    @Order(5)
    void ot701FitsHeatingAndCoolingSlopes() {
        JobReport report = run("OT701", Map.of("heatingBase", 18.0, "coolingBase", 21.0));
        // H: v = 10 + 2·HDD exactly, no cooling days → baseload 10, heating slope 2, cooling 0, r² 1;
        // ΣHDD = 8 × (0 + 1 + 2 + 3 + 4) = 80, Σv = 40 × 10 + 2 × 80 = 560: heating share 160 / 560 = 28.57 %
        assertThat(fieldsOf(result("OT701", "H", report))).isEqualTo(ot701(10, 2, 0, 40, 28.57, 0));
        // HC: HDD 2, 0, 0, 0, 0 and CDD 0, 0, 0, 1, 3 per cycle; ΣHDD = 16, ΣCDD = 32, Σv = 8 × 36 = 288:
        // heating share 1.5 × 16 / 288 = 8.33 %, cooling share 2 × 32 / 288 = 22.22 %
        assertThat(fieldsOf(result("OT701", "HC", report))).isEqualTo(ot701(5, 1.5, 2, 40, 8.33, 22.22));
        // S has 29 days, W 2 with weather; V1, V2 have no station, U no customer row
        assertThat(report.skipped()).isEqualTo(Map.of("notEnoughDays", 2L, "noWeatherStation", 3L));
    }

    private DeriveCounts derive() {
        return DeriveLauncher.launch(config, COMPANY, Optional.empty(), FEB_2013, FEB_2013, note -> { });
    }

    private JobReport run(String ot, Map<String, Object> parameters) {
        return new JobRunner(mongo.database(), config, spark).run(Analytics.named(ot),
                new JobRequest(COMPANY, "electricityConsumption", FEB_2013, parameters));
    }

    private static String key(String contract, LocalDateTime at) {
        return MeasureKey.of(at.toEpochSecond(ZoneOffset.UTC), contract).toString();
    }

    /** Every cell of the company's consumption table, by row key and qualifier. */
    private Map<String, Map<String, String>> consumptionCells() throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace())
                .of(EnmaTable.consumption("electricityConsumption", COMPANY)));
             ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                Map<String, String> cells = new TreeMap<>();
                for (Cell cell : r.rawCells()) {
                    cells.put(new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8),
                            new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
                }
                rows.put(new String(r.getRow(), StandardCharsets.UTF_8), cells);
            }
        }
        return rows;
    }

    private Document result(String ot, String contract, JobReport report) {
        ResultKey key = new ResultKey(FEB_2013, COMPANY, contract, report.setupId());
        Document doc = mongo.database().getCollection(ResultSink.collectionOf(ot))
                .find(Filters.eq("_id", key.toString())).first();
        assertThat(doc).as("%s result of %s", ot, contract).isNotNull();
        return doc;
    }

    private static Map<String, Object> fieldsOf(Document doc) {
        Map<String, Object> fields = new LinkedHashMap<>(doc);
        List.of("_id", "contractId", "companyId", "month", "setupId").forEach(fields::remove);
        return fields;
    }

    /** An entry of a result's list, as MongoDB hands it back: a Document (equal to no other kind of map). */
    private static Document period(String key, String name, double consumption, double cost) {
        return new Document(Map.of("periodKey", key, "timeSlotName", name, "consumption", consumption,
                "energyCost", cost));
    }

    private static Map<String, Object> ot701(double baseload, double heatingSlope, double coolingSlope, int days,
                                             double heatingShare, double coolingShare) {
        return Map.of("baseload", baseload, "heatingSlope", heatingSlope, "coolingSlope", coolingSlope, "r2", 1.0,
                "numberOfDays", days, "heatingShare", heatingShare, "coolingShare", coolingShare);
    }
}

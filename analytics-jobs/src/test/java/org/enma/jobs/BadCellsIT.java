package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.bson.Document;
import org.enma.jobs.derive.DeriveCounts;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cells another tool (or an older version) wrote that are no numbers where the data model has numbers: the jobs skip
 * those measures, count them as {@code badCell} with their keys in jobRuns, and finish.
 *
 * <pre>
 * February 2013, UTC; no tariffs, customers G, X, Y, Z:
 * G: 10 Feb 10:00 v 2, P1 "day" energyCost 10
 * X: 10 Feb 10:00 v 1, P1 energyCost "abc" (bad); 10 Feb 11:00 v 3, P1 "day" energyCost 10
 * Y: 10 Feb 10:00 v "1,5" (bad); 10 Feb 11:00 v 4
 * Z: 10 Feb 00:00 va 100; 01:00 va "x" (bad); 02:00 va 103
 * </pre>
 */
class BadCellsIT extends JobsOnTestStack {
    static final CompanyId COMPANY = CompanyId.of("6666666666");
    static final Month FEB_2013 = Month.of(2013, 2);

    @BeforeAll
    void company() throws IOException {
        new CompanyFixture(stack, COMPANY)
                .customer("G", "08001", null).customer("X", "08001", null).customer("Y", "08001", null)
                .customer("Z", "08001", null)
                .measure("G", at(10), "v", "2", "periodKey", "P1", "timeSlotName", "day", "energyCost", "10")
                .measure("X", at(10), "v", "1", "periodKey", "P1", "timeSlotName", "day", "energyCost", "abc")
                .measure("X", at(11), "v", "3", "periodKey", "P1", "timeSlotName", "day", "energyCost", "10")
                .measure("Y", at(10), "v", "1,5").measure("Y", at(11), "v", "4")
                .measure("Z", at(0), "va", "100").measure("Z", at(1), "va", "x").measure("Z", at(2), "va", "103")
                .write();
    }

    private static LocalDateTime at(int hour) {
        return LocalDateTime.of(2013, 2, 10, hour, 0);
    }

    private static String key(String contract, int hour) {
        return MeasureKey.of(at(hour).toEpochSecond(ZoneOffset.UTC), contract).toString();
    }

    @Test
    void jobsSkipAndNameTheMeasuresWithABadCellAndFinish() throws IOException {
        JobReport ot501 = new JobRunner(mongo.database(), config, spark).run(Analytics.named("OT501"),
                new JobRequest(COMPANY, "electricityConsumption", FEB_2013, Map.of()));
        // G, X, Y have a good v in February; X's 10:00 (energyCost) and Y's 10:00 (v) are left out
        assertThat(ot501.results()).isEqualTo(3);
        assertThat(ot501.skipped()).isEqualTo(Map.of("badCell", 2L));
        assertThat(resultOf("X")).containsEntry("totalConsumption", 3.0).containsEntry("totalEnergyCost", 0.3);
        assertThat(resultOf("Y")).containsEntry("totalConsumption", 4.0).containsEntry("unpricedConsumption", 4.0);
        Document run = lastRun("OT501");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.get("skipped", Document.class)).isEqualTo(new Document("badCell", 2L));
        assertThat(run.getList("badCellKeys", String.class)).containsExactlyInAnyOrder(
                key("X", 10) + " m:energyCost", key("Y", 10) + " m:v");

        DeriveCounts derive = DeriveLauncher.launch(config, COMPANY, Optional.empty(), FEB_2013, FEB_2013,
                note -> { });
        // read: G 1, X 1, Y 1, Z 2 (the three bad ones left out); derived: Z's 02:00 from its 00:00 reading; no
        // tariffs table, so nothing is priced
        assertThat(derive.summaryLine())
                .isEqualTo("measures=5 derived=1 priced=0 unpriced=5 ambiguous=0 resets=0 badCells=3");
        assertThat(cells(key("Z", 2))).containsEntry("v", "3").containsEntry("calc", "1");
        assertThat(cells(key("Z", 1))).isEqualTo(Map.of("va", "x"));
        Document derived = lastRun("derive");
        assertThat(derived.getString("status")).isEqualTo("succeeded");
        assertThat(derived.getList("badCellKeys", String.class)).containsExactlyInAnyOrder(
                key("X", 10) + " m:energyCost", key("Y", 10) + " m:v", key("Z", 1) + " m:va");
    }

    private Document resultOf(String contract) {
        return mongo.database().getCollection("OT501Results")
                .find(Filters.and(Filters.eq("companyId", COMPANY.asNumber()), Filters.eq("contractId", contract)))
                .first();
    }

    private Document lastRun(String ot) {
        return mongo.database().getCollection("jobRuns")
                .find(Filters.and(Filters.eq("ot", ot), Filters.eq("companyId", COMPANY.asNumber())))
                .sort(new Document("start", -1)).first();
    }

    private Map<String, String> cells(String key) throws IOException {
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace())
                .of(EnmaTable.consumption("electricityConsumption", COMPANY)))) {
            Result r = t.get(new Get(Bytes.toBytes(key)));
            Map<String, String> cells = new java.util.TreeMap<>();
            r.getFamilyMap(Bytes.toBytes("m")).forEach((q, v) -> cells.put(Bytes.toString(q), Bytes.toString(v)));
            return cells;
        }
    }
}

package org.enma.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EnmaStackExtension.class)
class ResultSinkIT {
    private static final ResultKey EXAMPLE = new ResultKey(Month.of(2013, 7), CompanyId.of("1111111111"), "123457ABC",
            SetupId.of("52234e386cb9fea66d5b2511"));
    private static TestStack stack;
    private static MongoClient client;
    private static MongoDatabase mongo;
    private static ResultSink sink;

    @BeforeAll
    static void connect(TestStack testStack) throws IOException {
        stack = testStack;
        client = MongoClients.create(stack.mongoUri());
        mongo = client.getDatabase(stack.database());
        TableNames names = new TableNames(stack.namespace());
        sink = new ResultSink(mongo, stack.connection(),
                new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.GZ));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** docs/data-model.md's OT101 example, field by field. */
    private static ResultDocument example(double consumption) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("consumption", consumption);
        fields.put("averageEffConsumption", 65.46);
        fields.put("averageConsumption", 151.75);
        fields.put("diffAverageEffConsumption", 230.93);
        fields.put("diffAverageConsumption", 42.76);
        fields.put("numberCustomersEff", 141);
        fields.put("numberCustomers", 602);
        fields.put("criteria", "postalCode + tariffId");
        return new ResultDocument(EXAMPLE, fields);
    }

    @Test
    void theSpecExampleLandsInMongoAndInItsMirror() throws IOException {
        sink.write("OT101", List.of(example(216.65)));
        Document stored = mongo.getCollection("OT101Results").find().first();
        assertThat(stored).isEqualTo(Document.parse("{\"_id\": \"201307~1111111111~123457ABC~52234e386cb9fea66d5b2511\","
                + " \"contractId\": \"123457ABC\", \"companyId\": {\"$numberLong\": \"1111111111\"}, \"month\": 201307,"
                + " \"setupId\": \"52234e386cb9fea66d5b2511\", \"consumption\": 216.65, \"averageEffConsumption\": 65.46,"
                + " \"averageConsumption\": 151.75, \"diffAverageEffConsumption\": 230.93,"
                + " \"diffAverageConsumption\": 42.76, \"numberCustomersEff\": 141, \"numberCustomers\": 602,"
                + " \"criteria\": \"postalCode + tariffId\"}"));
        assertThat(mirror("OT101", EXAMPLE)).isEqualTo(Map.of("results:consumption", "216.65",
                "results:averageEffConsumption", "65.46", "results:averageConsumption", "151.75",
                "results:diffAverageEffConsumption", "230.93", "results:diffAverageConsumption", "42.76",
                "results:numberCustomersEff", "141", "results:numberCustomers", "602",
                "results:criteria", "postalCode + tariffId"));
    }

    @Test
    void rewritingReplacesInsteadOfDuplicatingInBothStores() throws IOException {
        List<ResultDocument> many = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {   // more than two bulk batches
            ResultKey key = new ResultKey(Month.of(2013, 8), CompanyId.of("2222222222"), "C" + i,
                    SetupId.of("52234e386cb9fea66d5b2511"));
            many.add(new ResultDocument(key, Map.of("consumption", (double) i, "months", List.of(Map.of("month", 1)))));
        }
        sink.write("OT103", many);
        many.set(7, new ResultDocument(many.get(7).key(), Map.of("consumption", 7.5,
                "months", List.of(Map.of("month", 1)))));
        sink.write("OT103", many);
        assertThat(mongo.getCollection("OT103Results").countDocuments()).isEqualTo(2500);
        assertThat(mongo.getCollection("OT103Results").find(new Document("contractId", "C7")).first()
                .getDouble("consumption")).isEqualTo(7.5);
        assertThat(mirror("OT103", many.get(7).key())).isEqualTo(Map.of("results:consumption", "7.5",
                "results:months", "[{\"month\":1}]"));
        List<String> indexes = new ArrayList<>();
        mongo.getCollection("OT103Results").listIndexes().forEach(i -> indexes.add(i.get("key").toString()));
        assertThat(indexes).contains("Document{{companyId=1, contractId=1, month=1}}",
                "Document{{companyId=1, month=1}}");
    }

    @Test
    void aMirrorThatCannotBeWrittenFailsTheWriteOnlyOnceMongoDbIsDoneAndTheRerunRepairsBoth() throws IOException {
        List<ResultDocument> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {   // three bulk batches: MongoDB is still writing when the mirror fails
            many.add(new ResultDocument(new ResultKey(Month.of(2013, 9), CompanyId.of("3333333333"), "C" + i,
                    SetupId.of("52234e386cb9fea66d5b2511")), Map.of("consumption", (double) i)));
        }
        TableNames names = new TableNames(stack.namespace());
        TableName mirror = names.of(EnmaTable.results("OT998"));
        try (Admin admin = stack.connection().getAdmin()) {
            new TableCreator(admin, names, Compression.Algorithm.GZ).ensure(EnmaTable.results("OT101"));
            // a table another tool made under the mirror's name, without the results family
            admin.createTable(TableDescriptorBuilder.newBuilder(mirror)
                    .setColumnFamily(ColumnFamilyDescriptorBuilder.of("other")).build());
            assertThatThrownBy(() -> sink.write("OT998", many))
                    .isInstanceOf(EnmaException.class)
                    .hasMessageStartingWith("the HBase mirror ot998 was not written (")
                    .hasMessageEndingWith("); rerun the job to repair both stores");
            // the failure came only once MongoDB's write was over: nothing of it is still on its way
            assertThat(mongo.getCollection("OT998Results").countDocuments()).isEqualTo(3000);

            admin.disableTable(mirror);
            admin.deleteTable(mirror);
        }
        sink.write("OT998", many);
        assertThat(mongo.getCollection("OT998Results").countDocuments()).isEqualTo(3000);
        assertThat(mirror("OT998", many.get(2999).key())).isEqualTo(Map.of("results:consumption", "2999.0"));
    }

    @Test
    void purgeRefusesWhileAMonthToPurgeHasAFailedLastRun() {
        mongo.getCollection("OT997Results").insertOne(new Document("_id", "a").append("month", 200912));
        JobRuns runs = new JobRuns(mongo);
        ObjectId first = runs.started("OT997", 4444444444L, "electricityConsumption", 200912, "s");
        runs.failed(first, "the HBase mirror ot997 was not written");
        Retention retention = new Retention(mongo);
        assertThatThrownBy(() -> retention.purgeBefore(Month.of(2010, 1)))
                .isInstanceOf(EnmaException.class)
                .hasMessage("nothing purged: the last run of OT997 company 4444444444 type electricityConsumption"
                        + " month 200912 did not succeed, so its HBase mirror may lack results MongoDB holds; rerun it"
                        + " (`enma run`), then purge");
        assertThat(mongo.getCollection("OT997Results").countDocuments()).isEqualTo(1);

        runs.succeeded(runs.started("OT997", 4444444444L, "electricityConsumption", 200912, "s"), 1, 1, Map.of(),
                List.of());
        assertThat(retention.purgeBefore(Month.of(2010, 1))).containsEntry("OT997Results", 1L);
    }

    @Test
    void pendingDaysKeepTheirContractsUntilADayHasTooManyThenTheWholeDay() {
        RollupPending pending = new RollupPending(mongo);
        java.time.LocalDate first = java.time.LocalDate.of(2014, 1, 1);
        java.time.LocalDate second = first.plusDays(1);
        pending.record("ns:t", List.of(new org.enma.schema.ContractDay("A", first),
                new org.enma.schema.ContractDay("B", first)));
        pending.record("ns:t", List.of(new org.enma.schema.ContractDay("A", first)));
        List<org.enma.schema.ContractDay> many = new ArrayList<>();
        for (int c = 0; c <= RollupPending.CONTRACTS_PER_DAY; c++) {
            many.add(new org.enma.schema.ContractDay("C" + c, second));
        }
        pending.record("ns:t", many);
        List<RollupPending.Taken> taken = pending.take("ns:t");
        assertThat(taken).extracting(t -> t.day() + " " + (t.whole() ? "all" : pending.contracts("ns:t", t.day())))
                .containsExactlyInAnyOrder("2014-01-01 [A, B]", "2014-01-02 all");
        // recorded again after it was taken: the first day stays for the next run
        pending.record("ns:t", List.of(new org.enma.schema.ContractDay("C", first)));
        pending.done("ns:t", taken);
        assertThat(pending.take("ns:t")).extracting(t -> t.day() + " " + pending.contracts("ns:t", t.day()))
                .containsExactly("2014-01-01 [A, B, C]");
    }

    @Test
    void setupsAndJobRuns() {
        Setups setups = new Setups(mongo);
        Map<String, Object> setup = Map.of("ot", "OT101", "minGroupSize", 20);
        SetupId id = setups.save(setup);
        assertThat(setups.save(setup)).isEqualTo(id);
        assertThat(mongo.getCollection(Setups.COLLECTION).countDocuments()).isEqualTo(1);

        JobRuns runs = new JobRuns(mongo);
        ObjectId ok = runs.started("OT101", 1111111111L, "electricityConsumption", 201307, id.value());
        assertThat(mongo.getCollection(JobRuns.COLLECTION).find(new Document("_id", ok)).first().getString("status"))
                .isEqualTo("running");
        runs.succeeded(ok, 10, 8, Map.of("noGroup", 2L), List.of());
        Document done = mongo.getCollection(JobRuns.COLLECTION).find(new Document("_id", ok)).first();
        assertThat(done.getString("status")).isEqualTo("succeeded");
        assertThat(done.getLong("resultsWritten")).isEqualTo(8L);
        assertThat(done.get("skipped", Document.class).getLong("noGroup")).isEqualTo(2L);
        ObjectId broken = runs.started("OT101", 1111111111L, "electricityConsumption", 201307, id.value());
        runs.failed(broken, "table electricityConsumption_1111111111 does not exist");
        assertThat(mongo.getCollection(JobRuns.COLLECTION).find(new Document("_id", broken)).first().getString("error"))
                .isEqualTo("table electricityConsumption_1111111111 does not exist");
    }

    @Test
    void aRunThatStopsBeatingIsAbandonedByTheNextStart() throws InterruptedException {
        MongoCollection<Document> jobRuns = mongo.getCollection(JobRuns.COLLECTION);
        Date tenMinutesAgo = new Date(System.currentTimeMillis() - 600_000);
        jobRuns.insertOne(new Document("_id", "killed").append("ot", "OT996").append("status", "running")
                .append("heartbeat", tenMinutesAgo));
        // written before runs beat: nothing tells whether it lives, so it is left as it is
        jobRuns.insertOne(new Document("_id", "unknown").append("ot", "OT996").append("status", "running"));
        JobRuns runs = new JobRuns(mongo, Duration.ofMillis(100));
        ObjectId alive = runs.started("OT996", 4444444444L, "electricityConsumption", 200912, "s");
        assertThat(run(jobRuns, "killed").getString("status")).isEqualTo("abandoned");
        assertThat(run(jobRuns, "killed").getString("error")).startsWith("no heartbeat for 3 minutes");
        assertThat(run(jobRuns, "unknown").getString("status")).isEqualTo("running");

        Date first = run(jobRuns, alive).getDate("heartbeat");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!run(jobRuns, alive).getDate("heartbeat").after(first) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run(jobRuns, alive).getDate("heartbeat")).isAfter(first);
        ObjectId next = runs.started("OT996", 4444444444L, "electricityConsumption", 201001, "s");
        assertThat(run(jobRuns, alive).getString("status")).isEqualTo("running");
        runs.succeeded(next, new Document());

        runs.succeeded(alive, new Document());
        Date last = run(jobRuns, alive).getDate("heartbeat");
        Thread.sleep(500);
        assertThat(run(jobRuns, alive).getDate("heartbeat")).isEqualTo(last);
        assertThat(run(jobRuns, alive).getString("status")).isEqualTo("succeeded");
    }

    @Test
    void purgeRefusesWhileAMonthsLastRunWasAbandoned() {
        mongo.getCollection("OT995Results").insertOne(new Document("_id", "a").append("month", 200911));
        JobRuns runs = new JobRuns(mongo);
        runs.succeeded(runs.started("OT995", 4444444444L, "electricityConsumption", 200911, "s"), 1, 1, Map.of(),
                List.of());
        // a rerun killed while writing, marked abandoned since: its results may be in MongoDB and not in the mirror
        mongo.getCollection(JobRuns.COLLECTION).insertOne(new Document("ot", "OT995").append("companyId", 4444444444L)
                .append("type", "electricityConsumption").append("month", 200911).append("setupId", "s")
                .append("start", new Date()).append("status", "abandoned"));
        assertThatThrownBy(() -> new Retention(mongo).purgeBefore(Month.of(2009, 12)))
                .hasMessageContaining("the last run of OT995 company 4444444444 type electricityConsumption month"
                        + " 200911 did not succeed");
        assertThat(mongo.getCollection("OT995Results").countDocuments()).isEqualTo(1);
        runs.succeeded(runs.started("OT995", 4444444444L, "electricityConsumption", 200911, "s"), 1, 1, Map.of(),
                List.of());
    }

    private static Document run(MongoCollection<Document> jobRuns, Object id) {
        return jobRuns.find(new Document("_id", id)).first();
    }

    private static Map<String, String> mirror(String ot, ResultKey key) throws IOException {
        Map<String, String> cells = new TreeMap<>();
        try (Table t = stack.connection().getTable(new TableNames(stack.namespace()).of(EnmaTable.results(ot)))) {
            Result r = t.get(new Get(key.encode()));
            for (Cell c : r.rawCells()) {
                cells.put(Bytes.toString(CellUtil.cloneFamily(c)) + ":" + Bytes.toString(CellUtil.cloneQualifier(c)),
                        Bytes.toString(CellUtil.cloneValue(c)));
            }
        }
        return cells;
    }
}

package org.enma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.enma.schema.CompanyId;
import org.enma.schema.PeriodKey;
import org.enma.schema.CompanyKey;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.store.JobRuns;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;
import org.enma.store.Retention;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.enma.store.ApiKeys;

/**
 * The portal API over HTTP on the shared mini cluster and Mongo server: keys, isolation between companies, every
 * bad input, and months served from the HBase mirror once MongoDB purged them.
 * Company 1111111111 has contracts A (results 201301, 201302), B (201302) and C (no results); company 2222222222
 * has X (201302); company 3333333333 has contract R and its raw measures, nothing computed from them.
 */
@ExtendWith(EnmaStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalApiIT {
    static final CompanyId ONE = CompanyId.of("1111111111");
    static final CompanyId TWO = CompanyId.of("2222222222");
    /** Only raw measures: no rollup, no validation, no results. */
    static final CompanyId THREE = CompanyId.of("3333333333");
    private static final Map<String, String> UNITS = Map.of("3333333333/waterConsumption", "l");
    static final SetupId SETUP = SetupId.of("52234e386cb9fea66d5b2511");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private MongoStore mongo;
    private TestStack stack;
    private PortalServer server;
    private String keyOne;
    private String keyTwo;

    @BeforeAll
    void serve(TestStack stack) throws IOException {
        this.stack = stack;
        mongo = MongoStore.open(stack.mongoUri(), stack.database());
        TableNames names = new TableNames(stack.namespace());
        TableCreator tables = new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE);
        new ResultSink(mongo.database(), stack.connection(), tables).write("OT101", List.of(
                result(ONE, "A", 201302, 28.0), result(ONE, "A", 201301, 31.5), result(ONE, "B", 201302, 56.0),
                result(TWO, "X", 201302, 7.0)));
        tables.ensure(EnmaTable.customers());
        try (Table customers = stack.connection().getTable(names.of(EnmaTable.customers()))) {
            for (CompanyKey key : List.of(CompanyKey.of(ONE, "A"), CompanyKey.of(ONE, "B"), CompanyKey.of(ONE, "C"),
                    CompanyKey.of(TWO, "X"), CompanyKey.of(THREE, "R"))) {
                customers.put(new Put(key.encode()).addColumn(Family.INFO.bytes(), "tariffId".getBytes(
                        StandardCharsets.UTF_8), "T1".getBytes(StandardCharsets.UTF_8)));
            }
        }
        writePeriods(stack, names, tables);
        writeTrust(stack, names, tables);
        EnmaTable raw = EnmaTable.consumption("electricityConsumption", THREE);
        tables.ensure(raw);
        try (Table t = stack.connection().getTable(names.of(raw))) {
            t.put(new Put(MeasureKey.of(1_388_538_000L, "R").encode()).addColumn(Family.M.bytes(),
                    "v".getBytes(StandardCharsets.UTF_8), "1.5".getBytes(StandardCharsets.UTF_8)));
        }
        server = PortalServer.start(PortalServer.Services.over(mongo.database(), stack.connection(), names,
                Set.of("OT101", "OT103", "OT201"), java.time.ZoneOffset.UTC, UNITS), "127.0.0.1", 0);
        ApiKeys keys = new ApiKeys(mongo.database());
        keyOne = keys.create(ONE);
        keyTwo = keys.create(TWO);
    }

    @AfterAll
    void stop() {
        server.close();
        mongo.close();
    }

    private static ResultDocument result(CompanyId company, String contract, int month, double consumption) {
        return new ResultDocument(new ResultKey(Month.parse(Integer.toString(month)), company, contract, SETUP),
                Map.of("consumption", consumption, "criteria", "companyId"));
    }

    @Test
    void aContractsResultsComeInMonthOrder() throws Exception {
        Answer a = get("/v1/results/OT101/A?from=201301&to=201312", keyOne);
        assertThat(a.status).isEqualTo(200);
        assertThat(a.json.get("items")).hasSize(2);
        assertThat(a.json.get("items").get(0).toString()).isEqualTo("{\"contractId\":\"A\",\"companyId\":1111111111,"
                + "\"month\":201301,\"setupId\":\"52234e386cb9fea66d5b2511\",\"consumption\":31.5,"
                + "\"criteria\":\"companyId\"}");
        // fields after the identity come in name order, from MongoDB as from the HBase mirror
        assertThat(a.json.get("items").get(1).get("month").asInt()).isEqualTo(201302);
        // ot names are case-insensitive, a known contract without results in the range has no items
        assertThat(get("/v1/results/ot101/A?from=201303&to=201303", keyOne).body).isEqualTo("{\"items\": []}");
        assertThat(get("/v1/results/OT101/C?from=201301&to=201312", keyOne).body).isEqualTo("{\"items\": []}");
    }

    @Test
    void aMonthIsServedAPageAtATime() throws Exception {
        Answer first = get("/v1/results/OT101?month=201302&page=1&size=1", keyOne);
        assertThat(first.status).isEqualTo(200);
        assertThat(first.json.get("items")).hasSize(1);
        assertThat(first.json.get("items").get(0).get("contractId").asText()).isEqualTo("A");
        assertThat(first.json.get("page").asInt()).isEqualTo(1);
        Answer second = get("/v1/results/OT101?month=201302&page=2&size=1", keyOne);
        assertThat(second.json.get("items").get(0).get("contractId").asText()).isEqualTo("B");
        assertThat(get("/v1/results/OT101?month=201302&page=3&size=1", keyOne).json.get("items")).isEmpty();
        // company two sees only its own contract in the same month
        Answer two = get("/v1/results/OT101?month=201302", keyTwo);
        assertThat(two.json.get("items")).hasSize(1);
        assertThat(two.json.get("items").get(0).get("contractId").asText()).isEqualTo("X");
    }

    @Test
    void aMonthRunWithTwoSetupsAnswersTheLatestRunsUnlessOneIsAsked() throws Exception {
        SetupId older = SetupId.of("aaaaaaaaaaaaaaaaaaaaaaaa");
        SetupId newer = SetupId.of("bbbbbbbbbbbbbbbbbbbbbbbb");
        List<ResultDocument> results = new ArrayList<>();
        for (SetupId setup : List.of(older, newer)) {
            for (String contract : List.of("A", "B")) {
                results.add(new ResultDocument(new ResultKey(Month.parse("201402"), ONE, contract, setup),
                        Map.of("consumption", 1.0)));
            }
        }
        new ResultSink(mongo.database(), stack.connection(), new TableCreator(stack.connection().getAdmin(),
                new TableNames(stack.namespace()), Compression.Algorithm.NONE)).write("OT101", results);
        JobRuns runs = new JobRuns(mongo.database());
        for (SetupId setup : List.of(older, newer)) {
            runs.succeeded(runs.started("OT101", ONE.asNumber(), "electricityConsumption", 201402, setup.value()),
                    new org.bson.Document());
            Thread.sleep(5);
        }
        // a later run that failed chooses nothing
        runs.failed(runs.started("OT101", ONE.asNumber(), "electricityConsumption", 201402,
                "cccccccccccccccccccccccc"), "killed");
        // the endpoints read a company's runs at most once per LatestSetups.FRESH: another test's request may have
        Thread.sleep(LatestSetups.FRESH.toMillis() + 100);

        Answer latest = get("/v1/results/OT101?month=201402&size=1", keyOne);
        assertThat(latest.json.get("setupId").asText()).isEqualTo(newer.value());
        assertThat(latest.json.get("total").asInt()).isEqualTo(2);
        assertThat(latest.json.get("items").get(0).get("setupId").asText()).isEqualTo(newer.value());
        assertThat(latest.json.get("next").asText())
                .isEqualTo("/v1/results/OT101?month=201402&setupId=bbbbbbbbbbbbbbbbbbbbbbbb&page=2&size=1");
        Answer last = get(latest.json.get("next").asText(), keyOne);
        assertThat(last.json.get("items").get(0).get("contractId").asText()).isEqualTo("B");
        assertThat(last.json.has("next")).isFalse();
        Answer asked = get("/v1/results/OT101?month=201402&setupId=" + older.value(), keyOne);
        assertThat(asked.json.get("items")).extracting(item -> item.get("setupId").asText())
                .containsExactly(older.value(), older.value());
        // a contract's months: each its latest run's setup, or the one asked
        assertThat(get("/v1/results/OT101/A?from=201402&to=201402", keyOne).json.get("items"))
                .extracting(item -> item.get("setupId").asText()).containsExactly(newer.value());
        assertThat(get("/v1/results/OT101/A?from=201301&to=201402&setupId=" + older.value(), keyOne).json
                .get("items")).extracting(item -> item.get("setupId").asText()).containsExactly(older.value());
        // a month with no run recorded: every setup's results, and no setup named
        Answer unrecorded = get("/v1/results/OT101?month=201302", keyOne);
        assertThat(unrecorded.json.get("setupId").isNull()).isTrue();
        assertThat(unrecorded.json.get("total").asInt()).isEqualTo(2);
        assertThat(get("/v1/results/OT101?month=201302&setupId=xyz", keyOne).json.get("error").asText())
                .isEqualTo("setupId \"xyz\" is invalid: it must be 24 lower-case hex digits");
    }

    @Test
    void keysAreRequiredAndSeeOnlyTheirCompany() throws Exception {
        Answer none = get("/v1/results/OT101/A?from=201301&to=201302", null);
        assertThat(none.status).isEqualTo(401);
        assertThat(none.body).isEqualTo("{\"error\": \"missing API key: send Authorization: Bearer <key>\"}");
        Answer unknown = get("/v1/results/OT101/A?from=201301&to=201302", "enma_notAKey");
        assertThat(unknown.status).isEqualTo(401);
        assertThat(unknown.body).isEqualTo("{\"error\": \"unknown API key\"}");
        // company two asking for company one's contract A, and for a contract nobody has: the same answer
        Answer foreign = get("/v1/results/OT101/A?from=201301&to=201302", keyTwo);
        Answer missing = get("/v1/results/OT101/NOPE?from=201301&to=201302", keyTwo);
        assertThat(foreign.status).isEqualTo(404);
        assertThat(foreign.body).isEqualTo(missing.body.replace("NOPE", "A"));
        assertThat(get("/v1/health", null).body).isEqualTo("{\"status\": \"ok\", \"mongo\": \"up\", \"hbase\": \"up\"}");
    }

    @Test
    void badInputIsA400NamingTheProblem() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/v1/results/OT999/A?from=201301&to=201302", "unknown analytic \"OT999\"");
        cases.put("/v1/results/OT101/A?from=2013-01&to=201302", "month \"2013-01\" is invalid: write it as YYYYMM");
        cases.put("/v1/results/OT101/A?from=201313&to=201402", "month \"201313\" is not a calendar month");
        cases.put("/v1/results/OT101/A?from=201302&to=201301", "from 201302 is after to 201301");
        cases.put("/v1/results/OT101/A?from=201001&to=201301", "spans 37 months; at most 36 per request");
        cases.put("/v1/results/OT101/A?to=201301", "query parameter from is required (YYYYMM)");
        cases.put("/v1/results/OT101/A?from=201301&to=201302&limit=5", "unknown query parameter limit");
        cases.put("/v1/results/OT101/A%7EB?from=201301&to=201302", "contains '~', the row-key separator");
        cases.put("/v1/results/OT101/A%01?from=201301&to=201302", "contains a control character");
        cases.put("/v1/results/OT101/" + "C".repeat(65) + "?from=201301&to=201302", "65 characters: at most 64");
        cases.put("/v1/results/OT101?month=201302&page=0", "page must be a whole number from 1");
        cases.put("/v1/results/OT101?month=201302&size=5000", "size must be a whole number from 1 to 1000");
        cases.put("/v1/results/OT101?month=201302&month=201303", "month is given 2 times");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Answer answer = get(c.getKey(), keyOne);
            if (answer.status != 400 || !answer.json.get("error").asText().contains(c.getValue())) {
                wrong.add(c.getKey() + " → " + answer.status + " " + answer.body);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anEmptyContractIdOrAnUnknownPathIsRefusedWithoutAServerError() throws Exception {
        Answer empty = get("/v1/results/OT101/?from=201301&to=201302", keyOne);
        assertThat(empty.status).isEqualTo(400);
        assertThat(empty.json.get("error").asText()).startsWith("contractId is empty");
        Answer nowhere = get("/v2/anything", keyOne);
        assertThat(nowhere.status).isEqualTo(404);
        assertThat(nowhere.json.get("error").asText()).contains("no such endpoint");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        Answer doc = get("/v1/openapi.json", null);
        assertThat(doc.status).isEqualTo(200);
        assertThat(doc.json.get("openapi").asText()).startsWith("3.");
        assertThat(iterable(doc.json.get("paths").fieldNames())).containsExactlyInAnyOrder(
                "/v1/results/{ot}/{contractId}", "/v1/results/{ot}", "/v1/consumption/{contractId}",
                "/v1/consumption", "/v1/quality/{contractId}", "/v1/quality", "/v1/health", "/v1/openapi.json");
        // the analytics this server was started with, not a list written into the document
        assertThat(doc.json.at("/components/parameters/ot/schema/enum").toString())
                .isEqualTo("[\"OT101\",\"OT103\",\"OT201\"]");
    }

    @Test
    void purgedMonthsAreServedFromTheHBaseMirror() throws Exception {
        String before = get("/v1/results/OT101/A?from=201301&to=201302", keyOne).body;
        // keep one month in March 2013: January and February go from MongoDB
        new Retention(mongo.database()).purgeBefore(Retention.firstKept(YearMonth.of(2013, 3), 1));
        assertThat(mongo.database().getCollection("OT101Results").countDocuments()).isZero();
        assertThat(get("/v1/results/OT101/A?from=201301&to=201302", keyOne).body).isEqualTo(before);
        assertThat(get("/v1/results/OT101?month=201302&page=2&size=1", keyOne).json.get("items").get(0)
                .get("contractId").asText()).isEqualTo("B");
        // isolation holds on the mirror too
        assertThat(get("/v1/results/OT101/A?from=201301&to=201302", keyTwo).status).isEqualTo(404);
    }

    /** Period rows as `enma rollup` writes them (the rollup's own tests check how they are computed). */
    private static void writePeriods(TestStack stack, TableNames names, TableCreator tables) throws IOException {
        for (CompanyId company : List.of(ONE, TWO)) {
            EnmaTable periods = EnmaTable.periodsOf(EnmaTable.consumption("electricityConsumption", company));
            tables.ensure(periods);
            try (Table t = stack.connection().getTable(names.of(periods))) {
                if (company.equals(ONE)) {
                    t.put(List.of(period("A", "2014-01-01T00:00", "DAY", "v=12.5 n=24 min=0.1 max=1.9 cost=2.31 np=24"),
                            period("A", "2014-01-02T00:00", "DAY", "v=3 n=2 min=1 max=2 np=0"),
                            period("A", "2014-01-01T00:00", "HOUR", "v=0.1 n=1 min=0.1 max=0.1 np=0"),
                            period("", "2014-01-01T00:00", "DAY", "v=20 n=30 min=0.1 max=5 cost=3 np=30 c=2")));
                } else {
                    t.put(period("X", "2014-01-01T00:00", "DAY", "v=99 n=1 min=99 max=99 np=0"));
                }
            }
        }
    }

    private static Put period(String contract, String start, String family, String cells) {
        Put put = new Put(new PeriodKey(contract, java.time.LocalDateTime.parse(start)).encode());
        for (String cell : cells.split(" ")) {
            String[] qv = cell.split("=");
            put.addColumn(family.getBytes(StandardCharsets.UTF_8), qv[0].getBytes(StandardCharsets.UTF_8),
                    qv[1].getBytes(StandardCharsets.UTF_8));
        }
        return put;
    }

    @Test
    void aContractsConsumptionByPeriodAndTheCompanyTotals() throws Exception {
        Answer days = get("/v1/consumption/A?period=DAY&from=2014-01-01&to=2014-01-02", keyOne);
        assertThat(days.status()).isEqualTo(200);
        assertThat(days.body()).isEqualTo("{\"contractId\": \"A\", \"period\": \"DAY\", \"unit\": \"kWh\", \"rolledUp\": true,"
                + " \"items\": ["
                + "{\"time\": \"2014-01-01T00:00:00+00:00\", \"v\": 12.5, \"n\": 24, \"min\": 0.1, \"max\": 1.9,"
                + " \"cost\": 2.31}, {\"time\": \"2014-01-02T00:00:00+00:00\", \"v\": 3, \"n\": 2, \"min\": 1,"
                + " \"max\": 2}]}");
        assertThat(get("/v1/consumption/A?period=day&from=2014-01-01&to=2014-01-01", keyOne).json().get("items"))
                .hasSize(1);
        assertThat(get("/v1/consumption/A?period=HOUR&from=2014-01-01&to=2014-01-01", keyOne).json().get("items")
                .get(0).get("v").decimalValue()).isEqualByComparingTo("0.1");
        // a contract with no consumption yet: no items; another company's contract: as if it did not exist
        assertThat(get("/v1/consumption/B?period=DAY&from=2014-01-01&to=2014-01-31", keyOne).body())
                .isEqualTo("{\"contractId\": \"B\", \"period\": \"DAY\", \"unit\": \"kWh\", \"rolledUp\": true,"
                        + " \"items\": []}");
        Answer theirs = get("/v1/consumption/X?period=DAY&from=2014-01-01&to=2014-01-31", keyOne);
        Answer none = get("/v1/consumption/NOPE?period=DAY&from=2014-01-01&to=2014-01-31", keyOne);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().replace("X", "?")).isEqualTo(none.body().replace("NOPE", "?"));

        // a deployment in Madrid: the same local starts, with their offset (+01:00 in January)
        try (PortalServer madrid = PortalServer.start(PortalServer.Services.over(mongo.database(), stack.connection(),
                new TableNames(stack.namespace()), Set.of("OT101"), java.time.ZoneId.of("Europe/Madrid"), Map.of()),
                "127.0.0.1", 0)) {
            HttpResponse<String> local = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + madrid.port() + "/v1/consumption/A?period=DAY&from=2014-01-01&to=2014-01-01"))
                    .header("Authorization", "Bearer " + keyOne).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(local.body()).contains("\"time\": \"2014-01-01T00:00:00+01:00\"");
        }

        Answer company = get("/v1/consumption?period=DAY&from=2014-01-01&to=2014-01-31", keyOne);
        assertThat(company.body()).isEqualTo("{\"period\": \"DAY\", \"unit\": \"kWh\", \"rolledUp\": true,"
                + " \"items\": [{\"time\":"
                + " \"2014-01-01T00:00:00+00:00\", \"v\": 20, \"n\": 30, \"min\": 0.1, \"max\": 5, \"cost\": 3,"
                + " \"contracts\": 2}]}");
        assertThat(get("/v1/consumption?period=DAY&from=2014-01-01&to=2014-01-31", keyTwo).body())
                .doesNotContain("\"v\": 20").contains("\"items\": []");
    }

    @Test
    void aCompanyWithOnlyRawMeasuresGetsEmptyAnswersNever500() throws Exception {
        String keyThree = new ApiKeys(mongo.database()).create(THREE);
        Answer periods = get("/v1/consumption/R?period=MONTH&from=2013-01-01&to=2014-01-31", keyThree);
        assertThat(periods.status()).isEqualTo(200);
        assertThat(periods.body()).isEqualTo("{\"contractId\": \"R\", \"period\": \"MONTH\", \"unit\": \"kWh\","
                + " \"rolledUp\": false, \"items\": []}");
        assertThat(get("/v1/consumption?period=DAY&from=2014-01-01&to=2014-01-31", keyThree).body())
                .isEqualTo("{\"period\": \"DAY\", \"unit\": \"kWh\", \"rolledUp\": false, \"items\": []}");
        for (String empty : List.of("/v1/quality/R?from=2014-01-01&to=2014-01-31",
                "/v1/quality?from=2014-01-01&to=2014-01-31", "/v1/results/OT101/R?from=201301&to=201312",
                "/v1/results/OT101?month=201401")) {
            Answer answer = get(empty, keyThree);
            assertThat(answer.status()).as(empty).isEqualTo(200);
            assertThat(answer.json().get("items")).as(empty).isEmpty();
        }
        // an unknown contract is still one
        for (String unknown : List.of("/v1/consumption/NOPE?period=DAY&from=2014-01-01&to=2014-01-31",
                "/v1/quality/NOPE?from=2014-01-01&to=2014-01-31", "/v1/results/OT101/NOPE?from=201301&to=201312")) {
            assertThat(get(unknown, keyThree).status()).as(unknown).isEqualTo(404);
        }
    }

    @Test
    void theUnitFollowsTheMeasureTypeAndTheDeploymentsSetting() throws Exception {
        String keyThree = new ApiKeys(mongo.database()).create(THREE);
        String range = "?period=DAY&from=2014-01-01&to=2014-01-31&type=";
        assertThat(get("/v1/consumption/A" + range + "gasConsumption", keyOne).json().get("unit").asText())
                .isEqualTo("m³");
        assertThat(get("/v1/consumption/A" + range + "heatConsumption", keyOne).json().get("unit").asText())
                .isEqualTo("kWh");
        assertThat(get("/v1/consumption/A" + range + "waterConsumption", keyOne).json().get("unit").asText())
                .isEqualTo("m³");
        // company 3333333333 set litres for its water
        assertThat(get("/v1/consumption/R" + range + "waterConsumption", keyThree).json().get("unit").asText())
                .isEqualTo("l");
        // a type of no table and no setting: no unit rather than a wrong one
        assertThat(get("/v1/consumption" + range + "steamConsumption", keyOne).json().get("unit").isNull())
                .isTrue();
    }

    @Test
    void badConsumptionQueriesAreRefusedNamingTheProblem() throws Exception {
        Map<String, String> refused = Map.of(
                "/v1/consumption/A?period=DECADE&from=2014-01-01&to=2014-01-02",
                "unknown period \"DECADE\": one of HOUR, DAY, WEEK, MONTH, QUARTER, YEAR",
                "/v1/consumption/A?period=DAY&from=2014-02-30&to=2014-03-02",
                "query parameter from must be a date YYYY-MM-DD that exists, was \"2014-02-30\"",
                "/v1/consumption/A?period=DAY&from=201401&to=2014-03-02",
                "query parameter from must be a date YYYY-MM-DD that exists, was \"201401\"",
                "/v1/consumption/A?period=DAY&from=2014-03-02&to=2014-03-01", "from 2014-03-02 is after to 2014-03-01",
                "/v1/consumption/A?period=HOUR&from=2014-01-01&to=2014-02-11",
                "from 2014-01-01 to 2014-02-11 holds more than 1000 HOUR periods; at most 1000 per request",
                "/v1/consumption?period=DAY&from=2014-01-01&to=2014-01-02&type=Electricity",
                "measure type \"Electricity\" is invalid: use camelCase letters and digits starting with a lower-case"
                        + " letter, e.g. electricityConsumption",
                "/v1/consumption/A?from=2014-01-01&to=2014-01-02",
                "query parameter period is required: one of HOUR, DAY, WEEK, MONTH, QUARTER, YEAR");
        for (Map.Entry<String, String> query : refused.entrySet()) {
            Answer answer = get(query.getKey(), keyOne);
            assertThat(answer.status()).as(query.getKey()).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(query.getKey()).isEqualTo(query.getValue());
        }
        assertThat(get("/v1/consumption/A?period=DAY&from=2014-01-01&to=2014-01-02", null).status()).isEqualTo(401);
    }

    /** Trust rows as `enma validate` writes them, for company one only: company two was never validated. */
    private static void writeTrust(TestStack stack, TableNames names, TableCreator tables) throws IOException {
        EnmaTable trust = EnmaTable.trustOf(EnmaTable.consumption("electricityConsumption", ONE));
        tables.ensure(trust);
        try (Table t = stack.connection().getTable(names.of(trust))) {
            t.put(List.of(trustRow("A", "2014-01-05", "900 96 89 7 1 0", "spike=1"),
                    trustRow("A", "2014-01-06", "900 96 96 0 0 0", null),
                    trustRow("A", "2014-01-08", "900 96 96 0 0 0", null),
                    trustRow("B", "2014-01-05", "3600 24 20 0 4 4", "frozen=4 zeroRun=20"),
                    trustRow("", "2014-01-05", "0 120 109 7 5 4 2", "spike=1 frozen=4 zeroRun=20")));
        }
    }

    /** {@code counters}: interval expected actual estimated suspect missing [c]; {@code rules}: rule=n ... */
    private static Put trustRow(String contract, String day, String counters, String rules) {
        Put put = new Put(new org.enma.schema.TrustKey(contract, java.time.LocalDate.parse(day)).encode());
        String[] names = {"interval", "expected", "actual", "estimated", "suspect", "missing", "c"};
        String[] values = counters.split(" ");
        for (int i = 0; i < values.length; i++) {
            put.addColumn(Family.T.bytes(), names[i].getBytes(StandardCharsets.UTF_8),
                    values[i].getBytes(StandardCharsets.UTF_8));
        }
        for (String rule : rules == null ? new String[0] : rules.split(" ")) {
            String[] qv = rule.split("=");
            put.addColumn(Family.R.bytes(), qv[0].getBytes(StandardCharsets.UTF_8),
                    qv[1].getBytes(StandardCharsets.UTF_8));
        }
        return put;
    }

    @Test
    void aContractsDataQualityByDayAndTheCompanys() throws Exception {
        Answer a = get("/v1/quality/A?from=2014-01-05&to=2014-01-06", keyOne);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"contractId\": \"A\", \"items\": [{\"date\": \"2014-01-05\", \"interval\": 900, "
                + "\"expected\": 96, \"actual\": 89, \"estimated\": 7, \"suspect\": 1, \"missing\": 0, "
                + "\"rules\": {\"spike\": 1}}, {\"date\": \"2014-01-06\", \"interval\": 900, \"expected\": 96, "
                + "\"actual\": 96, \"estimated\": 0, \"suspect\": 0, \"missing\": 0, \"rules\": {}}]}");
        Answer company = get("/v1/quality?from=2014-01-01&to=2014-01-31", keyOne);
        assertThat(company.json().get("items")).hasSize(1);
        assertThat(company.json().get("items").get(0).toString()).isEqualTo("{\"date\":\"2014-01-05\","
                + "\"interval\":0,\"expected\":120,\"actual\":109,\"estimated\":7,\"suspect\":5,\"missing\":4,"
                + "\"contracts\":2,\"rules\":{\"frozen\":4,\"spike\":1,\"zeroRun\":20}}");
        // a known contract without validated days, a company never validated: no items
        assertThat(get("/v1/quality/C?from=2014-01-01&to=2014-01-31", keyOne).json().get("items")).isEmpty();
        assertThat(get("/v1/quality/X?from=2014-01-01&to=2014-01-31", keyTwo).json().get("items")).isEmpty();
        assertThat(get("/v1/quality?from=2014-01-01&to=2014-01-31", keyTwo).json().get("items")).isEmpty();
        // company two asking for company one's contract: the answer for a contract nobody has
        Answer foreign = get("/v1/quality/A?from=2014-01-01&to=2014-01-31", keyTwo);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"error\": \"no contract A\"}");
        assertThat(get("/v1/quality/NOBODY?from=2014-01-01&to=2014-01-31", keyTwo).status()).isEqualTo(404);
        assertThat(get("/v1/quality/A?from=2014-01-01&to=2014-01-31", null).status()).isEqualTo(401);
    }

    @Test
    void badQualityQueriesAreRefusedNamingTheProblem() throws Exception {
        Map<String, String> refused = Map.of(
                "/v1/quality/A?from=2014-01-05", "query parameter to is required (YYYY-MM-DD)",
                "/v1/quality/A?from=2014-01-05&to=2014-01-04", "from 2014-01-05 is after to 2014-01-04",
                "/v1/quality?from=2014-01-01&to=2016-12-31",
                "from 2014-01-01 to 2016-12-31 holds more than 1000 days; at most 1000 per request",
                "/v1/quality?from=2014-01-01&to=2014-01-31&type=x~y",
                "measure type \"x~y\" is invalid: use camelCase letters and digits starting with a lower-case letter,"
                        + " e.g. electricityConsumption",
                "/v1/quality?from=2014-01-01&to=2014-01-31&period=DAY",
                "unknown query parameter period; this endpoint takes from, to, type");
        for (Map.Entry<String, String> query : refused.entrySet()) {
            Answer answer = get(query.getKey(), keyOne);
            assertThat(answer.status()).as(query.getKey()).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(query.getKey()).isEqualTo(query.getValue());
        }
    }

    private record Answer(int status, String body, JsonNode json) {
    }

    private Answer get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

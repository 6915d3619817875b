package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.enma.portal.PortalServer;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.store.MongoStore;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code enma sql} and a written-back analytic as users meet them. Company 2222222222 (UTC): P uses 1 kWh on
 * 1 January 2014 and 2 on 2 January (readings at noon), Q 5 on 1 January, and P 7 on 1 February.
 */
@ExtendWith(EnmaStackExtension.class)
class SqlAndWriteBackIT {
    private static final String COMPANY = "2222222222";
    private static final String JANUARY = "SELECT contractId, sum(v) AS total FROM enma.c2222222222.electricityConsumption"
            + " WHERE timestamp >= '2014-01-01' AND timestamp < '2014-02-01' GROUP BY contractId ORDER BY contractId";
    private static String[] settings;
    private static TestStack stack;

    @BeforeAll
    static void fill(TestStack testStack) throws IOException {
        stack = testStack;
        settings = new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--mongo-database", stack.database(),
                "--namespace", stack.namespace(), "--spark-master", "local[2]"};
        TableNames names = new TableNames(stack.namespace());
        EnmaTable consumption = EnmaTable.consumption("electricityConsumption", CompanyId.of(COMPANY));
        new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE).ensure(consumption);
        try (Table t = stack.connection().getTable(names.of(consumption))) {
            t.put(List.of(reading("P", 1, 1, "1"), reading("P", 1, 2, "2"), reading("Q", 1, 1, "5"),
                    reading("P", 2, 1, "7")));
        }
    }

    private static Put reading(String contract, int month, int day, String v) {
        return new Put(MeasureKey.of(LocalDateTime.of(2014, month, day, 12, 0).toEpochSecond(ZoneOffset.UTC),
                contract).encode()).addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes(v));
    }

    @Test
    void aQueryPrintsATableOfItsRows() {
        CliRun run = CliRun.withSettings(settings, "sql", JANUARY);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("contractId  total\n----------  -----\nP           3.0\nQ           5.0\n");
        assertThat(run.err()).contains("2 rows");
    }

    @Test
    void aLocalMastersQueriesShuffleIntoTwiceItsCoresUnlessTheUserSetsIt() {
        String ask = "SET spark.sql.shuffle.partitions";
        CliRun local = CliRun.withSettings(settings, "sql", "--format", "csv", ask);
        assertThat(local.out()).as(local.err()).isEqualTo("key,value\nspark.sql.shuffle.partitions,4\n");  // local[2]
        System.setProperty("spark.sql.shuffle.partitions", "7");   // as ENMA_JAVA_OPTS=-D... gives it to a new JVM
        try {
            SparkSession.active().conf().set("spark.sql.shuffle.partitions", "7");
            CliRun own = CliRun.withSettings(settings, "sql", "--format", "csv", ask);
            assertThat(own.out()).as(own.err()).isEqualTo("key,value\nspark.sql.shuffle.partitions,7\n");
        } finally {
            System.clearProperty("spark.sql.shuffle.partitions");
        }
    }

    @Test
    void csvAndJsonWithTheCompanysNamespace() {
        String query = "SELECT contractId, v, date FROM electricityConsumption WHERE date = DATE '2014-01-01'"
                + " ORDER BY contractId";
        CliRun csv = CliRun.withSettings(settings, "sql", "--company", COMPANY, "--format", "csv", query);
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo("contractId,v,date\nP,1.0,2014-01-01\nQ,5.0,2014-01-01\n");
        CliRun json = CliRun.withSettings(settings, "sql", "--company", COMPANY, "--format", "json", query);
        assertThat(json.out()).isEqualTo("{\"contractId\":\"P\",\"v\":1.0,\"date\":\"2014-01-01\"}\n"
                + "{\"contractId\":\"Q\",\"v\":5.0,\"date\":\"2014-01-01\"}\n");
    }

    @Test
    void statementsComeFromStdinAndTheFirstBadOneEndsTheRunWithOneLine() {
        CliRun run = withStdin("SHOW TABLES IN enma.c2222222222;\nSELECT count(*) AS n\n"
                + "  FROM enma.c2222222222.electricityConsumption; -- all four readings\nSELECT 'x;y' AS s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("c2222222222  electricityConsumption").contains("n\n-\n4\n")
                .endsWith("s\n---\nx;y\n");
        CliRun bad = withStdin("SELECT * FROM enma.c2222222222.gasConsumption;\nSELECT 1;");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().lines().filter(l -> l.startsWith("enma sql:")).toList()).singleElement().asString()
                .startsWith("enma sql: [TABLE_OR_VIEW_NOT_FOUND]").contains("gasConsumption");
        CliRun parse = CliRun.withSettings(settings, "sql", "SELEC 1");
        assertThat(parse.exitCode()).isEqualTo(1);
        assertThat(parse.err()).startsWith("enma sql: [PARSE_SYNTAX_ERROR]").doesNotContain("\tat ");
    }

    private static CliRun withStdin(String statements) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(statements.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.withSettings(settings, "sql");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aWrittenBackAnalyticIsServedByEnmaResultsAndTheApi() throws Exception {
        assertThat(CliRun.withSettings(settings, "sql", "SELECT 1").exitCode()).isZero();   // Spark started as enma does
        SparkSession spark = SparkSession.active();
        StructType schema = new StructType().add("contractId", DataTypes.StringType)
                .add("month", DataTypes.StringType).add("nightShare", DataTypes.DoubleType);
        spark.createDataFrame(List.of(RowFactory.create("P", "201401", 12.5), RowFactory.create("Q", "201401",
                40.0)), schema).write().format("enma").option("hbase.quorum", "127.0.0.1")
                .option("hbase.port", Integer.toString(stack.zkPort())).option("namespace", stack.namespace())
                .option("mongo.uri", stack.mongoUri()).option("mongo.database", stack.database())
                .option("company", COMPANY).option("ot", "OT950").option("setup", "{\"night\": \"00-06\"}")
                .mode("append").save();
        CliRun results = CliRun.withSettings(settings, "results", "OT950", "--company", COMPANY, "--month",
                "201401");
        assertThat(results.exitCode()).as(results.err()).isZero();
        assertThat(results.out().lines().map(l -> l.replaceAll("[0-9a-f]{24}", "SETUP")).toList())
                .containsExactly("201401  P  SETUP  nightShare=12.5", "201401  Q  SETUP  nightShare=40.0");
        CliRun unknown = CliRun.withSettings(settings, "results", "OT951", "--company", COMPANY, "--month",
                "201401");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown analytic \"OT951\"");

        CliRun key = CliRun.withSettings(settings, "apikey", "create", "--company", COMPANY);
        try (MongoStore mongo = MongoStore.open(stack.mongoUri(), stack.database());
             PortalServer server = PortalServer.start(PortalServer.Services.over(mongo.database(),
                     stack.connection(), new TableNames(stack.namespace()), Set.of("OT101"), ZoneOffset.UTC, java.util.Map.of()),
                     "127.0.0.1", 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/v1/results/OT950?month=201401"))
                    .header("Authorization", "Bearer " + key.out().strip()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"contractId\": \"P\"").contains("\"nightShare\": 12.5")
                    .contains("\"nightShare\": 40.0");
        }
    }
}

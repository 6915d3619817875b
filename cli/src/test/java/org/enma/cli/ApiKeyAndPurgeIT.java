package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.enma.store.ApiKeys;
import org.enma.portal.PortalServer;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** `enma apikey create` and `enma purge` as scripts use them (docs/cli.md). */
@ExtendWith(EnmaStackExtension.class)
class ApiKeyAndPurgeIT {
    private static String[] settings;
    private static TestStack stack;

    @BeforeAll
    static void settings(TestStack testStack) {
        stack = testStack;
        settings = new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--mongo-database", stack.database(),
                "--namespace", stack.namespace()};
    }

    @Test
    void aKeyIsPrintedOnceAloneOnTheLastLineAndStoredHashed() {
        CliRun run = CliRun.withSettings(settings, "apikey", "create", "--company", "5000000001");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        String key = lines.get(lines.size() - 1);
        assertThat(key).matches("enma_[A-Za-z0-9_-]{43}");
        try (MongoStore mongo = MongoStore.open(stack.mongoUri(), stack.database())) {
            assertThat(new ApiKeys(mongo.database()).list()).extracting(ApiKeys.Stored::company)
                    .contains(CompanyId.of("5000000001"));
            assertThat(mongo.database().getCollection(ApiKeys.COLLECTION).find().first().toJson()).doesNotContain(key);
        }
        assertThat(CliRun.withSettings(settings, "apikey", "create", "--company", "5").exitCode())
                .isEqualTo(Enma.USAGE);
    }

    @Test
    void keysAreListedWithoutThemselvesAndARevokedKeyIsRefusedByTheNextRequest() throws Exception {
        CliRun create = CliRun.withSettings(settings, "apikey", "create", "--company", "5000000003");
        assertThat(create.exitCode()).as(create.err()).isZero();
        String key = create.out().strip();
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        try (MongoStore mongo = MongoStore.open(stack.mongoUri(), stack.database());
             PortalServer server = PortalServer.start(PortalServer.Services.over(mongo.database(),
                     stack.connection(), new TableNames(stack.namespace()), Set.of("OT101"), ZoneOffset.UTC, java.util.Map.of()),
                     "127.0.0.1", 0)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/v1/results/OT101?month=201301"))
                    .header("Authorization", "Bearer " + key).build();
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);   // now from the server's cache

            CliRun list = CliRun.withSettings(settings, "apikey", "list", "--company", "5000000003");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).doesNotContain(key.substring(5, 20))
                    .matches(id + "  5000000003  20\\d\\d-\\S+Z\\s+20\\d\\d-\\S+Z\\s+active\n");

            CliRun revoke = CliRun.withSettings(settings, "apikey", "revoke", id.substring(0, 8));
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            assertThat(revoke.out()).startsWith("revoked " + id + " (company 5000000003, revoked 20");
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
        }
        CliRun json = CliRun.withSettings(settings, "apikey", "list", "--company", "5000000003", "--json");
        assertThat(json.out()).startsWith("{\"id\":\"" + id + "\",\"companyId\":\"5000000003\",\"created\":\"20")
                .contains("\"revoked\":\"20");
        CliRun again = CliRun.withSettings(settings, "apikey", "revoke", id);
        assertThat(again.exitCode()).isZero();
        CliRun unknown = CliRun.withSettings(settings, "apikey", "revoke", "abcdef0123");
        assertThat(unknown.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(unknown.err()).isEqualTo("enma: no API key has an id starting with abcdef0123"
                + " (`enma apikey list` shows them)\n");
        CliRun malformed = CliRun.withSettings(settings, "apikey", "revoke", "zz");
        assertThat(malformed.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(malformed.err()).startsWith("enma: \"zz\" is no key id");
    }

    @Test
    void purgeRemovesMonthsBeforeTheWindowFromMongoOnly() throws IOException {
        CompanyId company = CompanyId.of("5000000002");
        SetupId setup = SetupId.of("52234e386cb9fea66d5b2511");
        try (MongoStore mongo = MongoStore.open(stack.mongoUri(), stack.database())) {
            new ResultSink(mongo.database(), stack.connection(), new TableCreator(stack.connection().getAdmin(),
                    new TableNames(stack.namespace()), Compression.Algorithm.NONE)).write("OT201", List.of(
                    new ResultDocument(new ResultKey(Month.of(2013, 7), company, "A", setup), Map.of("v", 1.0)),
                    new ResultDocument(new ResultKey(Month.of(2099, 7), company, "A", setup), Map.of("v", 2.0))));
            CliRun purge = CliRun.withSettings(settings, "purge", "--keep-months", "24");
            assertThat(purge.exitCode()).as(purge.err()).isZero();
            assertThat(purge.out()).matches("purged=1 firstKept=\\d{6}\n");
            assertThat(mongo.database().getCollection("OT201Results").countDocuments()).isEqualTo(1);
        }
        // the mirror still has both months
        CliRun old = CliRun.withSettings(settings, "results", "OT201", "--company", "5000000002", "--month", "201307");
        assertThat(old.out()).isEqualTo("201307  A  52234e386cb9fea66d5b2511  v=1.0\n");
    }
}

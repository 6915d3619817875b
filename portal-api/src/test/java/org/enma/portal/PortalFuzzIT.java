package org.enma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;
import org.enma.schema.EnmaTable;
import org.enma.schema.PeriodKey;
import org.enma.schema.Family;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;
import org.enma.testing.TestStack;
import org.enma.store.ApiKeys;

/**
 * The portal API against thousands of generated requests (seeded, so a failure replays): random methods, paths,
 * percent-encodings, query parameters, header sizes, with the key of company ONE, of company TWO, a wrong key or
 * none. Never a 500, never a stack trace, never a byte of the other company's data; oversized requests are refused
 * with 414 or 400, and a client that sends half a request is cut off.
 *
 * <p>Each company's results carry markers no other data has ({@code mk-one}, contract ids {@code ONEC1}...): a
 * response to one company's key must never contain the other's.
 */
class PortalFuzzIT {
    static final CompanyId ONE = CompanyId.of("7100000001");
    static final CompanyId TWO = CompanyId.of("7200000002");
    /** A company with only raw measures: no rollup, no validation, no results (a 500 once). */
    static final CompanyId THREE = CompanyId.of("7300000003");
    static final SetupId SETUP = SetupId.of("52234e386cb9fea66d5b2511");
    static final List<String> ONE_MARKS = List.of("7100000001", "mk-one", "ONEC1", "ONEC2", "111.111");
    static final List<String> TWO_MARKS = List.of("7200000002", "mk-two", "TWOC1", "TWOC2", "222.222");
    static final List<String> THREE_MARKS = List.of("7300000003", "THREEC1", "333.333");
    /** What a request is refused with when its line or headers are too large, or the server cannot parse it. */
    static final Set<Integer> ANSWERS = Set.of(200, 400, 401, 404, 405, 414, 431);
    static final PortalServer.Limits LIMITS = new PortalServer.Limits(4096, 16384, 50, 20, Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    private static MongoStore mongo;
    private static PortalServer server;
    private static String keyOne;
    private static String keyTwo;
    private static String keyThree;

    @BeforeContainer
    static void start() throws IOException {
        TestStack stack = TestStack.forClass(PortalFuzzIT.class);
        mongo = MongoStore.open(stack.mongoUri(), stack.database());
        TableNames names = new TableNames(stack.namespace());
        TableCreator tables = new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE);
        ResultSink sink = new ResultSink(mongo.database(), stack.connection(), tables);
        for (String ot : List.of("OT101", "OT103")) {
            sink.write(ot, List.of(result(ONE, "ONEC1", 201301, "mk-one"), result(ONE, "ONEC2", 201302, "mk-one"),
                    result(TWO, "TWOC1", 201301, "mk-two"), result(TWO, "TWOC2", 201302, "mk-two")));
        }
        tables.ensure(EnmaTable.customers());
        try (Table customers = stack.connection().getTable(names.of(EnmaTable.customers()))) {
            for (CompanyKey key : List.of(CompanyKey.of(ONE, "ONEC1"), CompanyKey.of(ONE, "ONEC3"),
                    CompanyKey.of(TWO, "TWOC1"), CompanyKey.of(TWO, "TWOC3"), CompanyKey.of(THREE, "THREEC1"))) {
                customers.put(new Put(key.encode()).addColumn(Family.INFO.bytes(),
                        "tariffId".getBytes(StandardCharsets.UTF_8), "T1".getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (CompanyId company : List.of(ONE, TWO)) {
            // period rows whose figures only this company has: its contracts' days and its total
            String mark = company.equals(ONE) ? "111.111" : "222.222";
            EnmaTable periods = EnmaTable.periodsOf(EnmaTable.consumption("electricityConsumption", company));
            tables.ensure(periods);
            try (Table t = stack.connection().getTable(names.of(periods))) {
                for (String contract : company.equals(ONE) ? List.of("ONEC1", "ONEC2", "") : List.of("TWOC1", "")) {
                    t.put(new Put(new PeriodKey(contract, java.time.LocalDateTime.of(2014, 1, 1, 0, 0)).encode())
                            .addColumn(Family.DAY.bytes(), bytes("v"), bytes(mark))
                            .addColumn(Family.DAY.bytes(), bytes("n"), bytes("1"))
                            .addColumn(Family.DAY.bytes(), bytes("min"), bytes(mark))
                            .addColumn(Family.DAY.bytes(), bytes("max"), bytes(mark)));
                }
            }
        }
        EnmaTable raw = EnmaTable.consumption("electricityConsumption", THREE);
        tables.ensure(raw);
        try (Table t = stack.connection().getTable(names.of(raw))) {
            t.put(new Put(MeasureKey.of(1_388_538_000L, "THREEC1").encode()).addColumn(Family.M.bytes(), bytes("v"),
                    bytes("333.333")));
        }
        server = PortalServer.start(PortalServer.Services.over(mongo.database(), stack.connection(), names,
                Set.of("OT101", "OT103"), java.time.ZoneOffset.UTC, java.util.Map.of()), "127.0.0.1", 0, LIMITS);
        ApiKeys keys = new ApiKeys(mongo.database());
        keyOne = keys.create(ONE);
        keyTwo = keys.create(TWO);
        keyThree = keys.create(THREE);
    }

    @AfterContainer
    static void stop() {
        server.close();
        mongo.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ResultDocument result(CompanyId company, String contract, int month, String marker) {
        return new ResultDocument(new ResultKey(Month.parse(Integer.toString(month)), company, contract, SETUP),
                Map.of("consumption", 12.5, "criteria", marker));
    }

    /** Which key a request carries. */
    enum Key { ONE, TWO, THREE, WRONG, MALFORMED, NONE }

    record Request(String method, String target, Key key, int paddingBytes) {
        byte[] bytes() {
            StringBuilder http = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\n");
            switch (key) {
                case ONE -> http.append("Authorization: Bearer ").append(keyOne).append("\r\n");
                case TWO -> http.append("Authorization: Bearer ").append(keyTwo).append("\r\n");
                case THREE -> http.append("Authorization: Bearer ").append(keyThree).append("\r\n");
                case WRONG -> http.append("Authorization: Bearer enma_").append("x".repeat(43)).append("\r\n");
                case MALFORMED -> http.append("Authorization: Basic ").append(keyOne).append("\r\n");
                case NONE -> { }
            }
            if (paddingBytes > 0) {
                http.append("X-Padding: ").append("p".repeat(paddingBytes)).append("\r\n");
            }
            return http.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    record Response(int status, String text) {
    }

    @Property(tries = 10_000, seed = "20261129")
    void noRequestGetsA500AStackTraceOrAnotherCompanysData(@ForAll("requests") Request request) throws IOException {
        Response response = send(request.bytes());
        assertThat(response.status()).as("%s → %s", request, response.text()).isIn(ANSWERS);
        // the page's libraries are code whose text may say "Exception"; no answer may carry a Java stack trace
        assertThat(response.text()).as("%s", request).doesNotContain("\tat ").doesNotContain("org.enma");
        if (!response.text().contains("text/javascript")) {
            assertThat(response.text()).as("%s", request).doesNotContain("Exception");
        }
        List<String> foreign = switch (request.key()) {
            case ONE -> concat(TWO_MARKS, THREE_MARKS);
            case TWO -> concat(ONE_MARKS, THREE_MARKS);
            case THREE -> concat(ONE_MARKS, TWO_MARKS);
            default -> concat(ONE_MARKS, concat(TWO_MARKS, THREE_MARKS));
        };
        for (String mark : foreign) {
            if (!request.target().contains(mark)) {   // an error may quote what the request itself said
                assertThat(response.text()).as("%s → %s", request, response.text()).doesNotContain(mark);
            }
        }
    }

    @Example
    void anotherCompanysContractIsTheSame404AsOneThatDoesNotExist() throws IOException {
        Response theirs = send(new Request("GET", "/v1/results/OT101/TWOC1?from=201301&to=201312", Key.ONE, 0)
                .bytes());
        Response none = send(new Request("GET", "/v1/results/OT101/NOPE1?from=201301&to=201312", Key.ONE, 0)
                .bytes());
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(body(theirs).replace("TWOC1", "X")).isEqualTo(body(none).replace("NOPE1", "X"));
    }

    @Example
    void onlyThePagesOwnFilesAreServedNothingAroundThem() throws IOException {
        for (String page : List.of("/", "/docs", "/portal.js", "/lib/uPlot.iife.min.js", "/docs/swagger-ui.css")) {
            assertThat(send(new Request("GET", page, Key.NONE, 0).bytes()).status()).as(page).isEqualTo(200);
        }
        for (String outside : List.of("/..%2f..%2fetc/passwd", "/lib/..%2f..%2f..%2fetc/passwd",
                "/lib/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd", "/docs/index.html", "/lib/uPlot.cjs.js",
                "/META-INF/maven/org.webjars.npm/uplot/pom.properties", "/org/enma/portal/web/index.html",
                "/org/enma/portal/PortalServer.class", "/lib/", "/portal.js/", "/PORTAL.JS")) {
            Response answer = send(new Request("GET", outside, Key.NONE, 0).bytes());
            assertThat(answer.status()).as(outside).isIn(400, 404);
            assertThat(answer.text()).as(outside).doesNotContain("root:").doesNotContain("<html");
        }
        assertThat(send(new Request("POST", "/", Key.NONE, 0).bytes()).status()).isEqualTo(405);
    }

    @Example
    void oversizedRequestsAreRefusedWith414Or400() throws IOException {
        assertThat(send(new Request("GET", "/v1/results/OT101?month=201301&x=" + "a".repeat(5000), Key.ONE, 0)
                .bytes()).status()).isEqualTo(414);
        assertThat(send(new Request("GET", "/v1/health", Key.ONE, 20_000).bytes()).status()).isIn(400, 431);
        String many = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "p" + i + "=1")
                .collect(Collectors.joining("&"));
        assertThat(send(new Request("GET", "/v1/results/OT101?" + many, Key.ONE, 0).bytes()).status())
                .isEqualTo(400);
        StringBuilder headers = new StringBuilder("GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (int i = 0; i < 60; i++) {
            headers.append("X-H").append(i).append(": 1\r\n");
        }
        assertThat(send(headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)).status())
                .isIn(400, 431);
    }

    @Example
    void aClientThatSendsHalfARequestIsCutOff() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                while ((read = in.read()) >= 0) {
                    // whatever the server says as it closes
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a half-sent request open for 15 s", e);
            } catch (IOException reset) {
                // a reset is a cut-off too
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("GET")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8)));
        Arbitrary<Key> key = Arbitraries.of(Key.class);
        Arbitrary<Integer> padding = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 30_000)));
        return Combinators.combine(method, target(), key, padding).as(Request::new);
    }

    private Arbitrary<String> target() {
        Arbitrary<String> ot = Arbitraries.oneOf(Arbitraries.of("OT101", "ot101", "OT103", "OT999", "OT", ""),
                segment());
        Arbitrary<String> contract = Arbitraries.oneOf(Arbitraries.of("ONEC1", "ONEC2", "ONEC3", "TWOC1", "TWOC2",
                "TWOC3", "THREEC1", "NOPE"), segment());
        Arbitrary<String> path = Arbitraries.oneOf(
                Combinators.combine(ot, contract).as((o, c) -> "/v1/results/" + o + "/" + c),
                ot.map(o -> "/v1/results/" + o),
                contract.map(c -> "/v1/consumption/" + c),
                contract.map(c -> "/v1/quality/" + c),
                Arbitraries.of("/v1/quality", "/v1/quality/", "/v1/health", "/v1/openapi.json", "/", "/v1", "/v1/results", "/v2/results/OT101",
                        "/docs", "/docs/", "/portal.js", "/portal.css", "/lib/uPlot.iife.min.js",
                        "/docs/swagger-ui-bundle.js", "/docs/docs.js", "/..%2f..%2fetc/passwd",
                        "/lib/..%2f..%2fportal.js",
                        "/docs/../v1/openapi.json", "/lib/%2e%2e/%2e%2e/etc/passwd", "/docs/index.html",
                        "/META-INF/maven/org.webjars.npm/uplot/pom.properties", "/org/enma/portal/openapi.json",
                        "/web/index.html", "/lib/", "/portal.js%00.html",
                        "//v1//results//OT101", "/v1/results/OT101/ONEC1/extra", "/v1/consumption",
                        "/v1/consumption/", "/v1/consumption/ONEC1/extra"),
                segment().list().ofMaxSize(5).map(s -> "/" + String.join("/", s)));
        Arbitrary<String> query = Combinators.combine(parameterName(), parameterValue())
                .as((n, v) -> n + "=" + v).list().ofMaxSize(6).map(l -> String.join("&", l));
        return Combinators.combine(path, query, Arbitraries.of("", "?", "#"))
                .as((p, q, sep) -> q.isEmpty() ? p + sep : p + "?" + q);
    }

    private Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", ".", "%2e%2e", "%2F", "%00", "%ZZ", "%", "%e9", "%C3%A9", "a~b", "~", "%20",
                        "A%2FB", "%252F", ";x=1", "ONEC1%00", "TWOC1"),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCZ0123456789-_.~").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(12).map(PortalFuzzIT::percentEncoded));
    }

    private Arbitrary<String> parameterName() {
        return Arbitraries.oneOf(Arbitraries.of("from", "to", "month", "page", "size", "companyId", "FROM", "", "period",
                        "type", "setupId"),
                Arbitraries.strings().alpha().ofMaxLength(10));
    }

    private Arbitrary<String> parameterValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("201301", "201302", "201312", "190001", "999912", "201313", "2013-01", "0", "-1",
                        "1000", "1001", "99999999999999999999", "", "1e3", "%2B1", "%00", "%ZZ", "7200000002",
                        "2014-01-01", "2014-01-31", "2014-02-30", "0001-01-01", "9999-12-31", "DAY", "hour", "YEAR",
                        "DECADE", "electricityConsumption", "touElectricityConsumption", "gasPeriods",
                        "gasTrust", "52234e386cb9fea66d5b2511", "gasConsumption"),
                Arbitraries.integers().between(-10, 300_000).map(String::valueOf),
                Arbitraries.strings().all().ofMaxLength(12).map(PortalFuzzIT::percentEncoded));
    }

    /** Every byte of the UTF-8 text as %XX, except unreserved characters. */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static Response send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (IOException reset) {
                // the server may close while we still send (oversized requests): what came before counts
            }
            String text = received.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("no HTTP answer to " + new String(request, StandardCharsets.ISO_8859_1)
                        .lines().findFirst().orElse("") + ": \"" + text + "\"");
            }
            return new Response(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private static String body(Response response) {
        return response.text().substring(response.text().indexOf("\r\n\r\n") + 4);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

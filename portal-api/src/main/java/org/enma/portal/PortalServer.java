package org.enma.portal;

import com.mongodb.client.MongoDatabase;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.client.Connection;
import org.bson.Document;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.TableNames;
import org.enma.store.JobRuns;
import org.enma.store.PeriodReader;
import org.enma.store.ResultReader;
import org.enma.store.Setups;
import org.enma.store.TrustReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.enma.store.ApiKeys;
import org.enma.store.Contracts;

/**
 * The portal API over HTTP (Undertow): routing, the bearer-key check, JSON answers and errors, and the customer's page
 * ({@code /}) and the API's documentation ({@code /docs}) beside it ({@link StaticFiles}). Every refused request gets
 * its status and {@code {"error": "..."}}; an unexpected failure is logged and answered 500 without details.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String BEARER = "Bearer ";

    /**
     * What a request may be, and how long a client may take: a request line longer than {@code maxUriChars} is
     * answered 414, more than {@code maxHeaderBytes} of request line and headers, more than {@code maxHeaders}
     * headers or more than {@code maxParameters} query parameters 400, and a client that has not sent a whole
     * request within {@code parseTimeout} (or nothing on an open connection within {@code idleTimeout}) is cut off.
     * The API takes GETs of a few short parameters: the defaults are generous for it, and small next to Undertow's
     * (1 MB of headers, 1,000 parameters), which let one slow or huge client hold a thread and memory.
     */
    public record Limits(int maxUriChars, int maxHeaderBytes, int maxHeaders, int maxParameters,
                         Duration parseTimeout, Duration idleTimeout) {
        public static final Limits DEFAULT = new Limits(4096, 16384, 50, 20, Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    /** How long a stopping server lets the requests in flight finish. */
    public static final Duration DRAIN = Duration.ofSeconds(20);

    private final Undertow server;
    private final GracefulShutdownHandler requests;
    private final Services services;

    /** What the API serves: results, keys, and the health of the stores behind it. */
    public record Services(ResultsEndpoints results, ConsumptionEndpoints consumption, QualityEndpoints quality,
                           KeyCache keys, Health health) {
        /**
         * The API over these stores, serving the results of {@code analytics} (e.g. OT101, OT103, OT201), of any
         * analytic written back from Spark (it has a setup saved), and the period tables, with times in {@code zone}
         * (the deployment's time zone) and {@code units} in place of the API's own (by {@code type} or
         * {@code companyId/type}).
         */
        public static Services over(MongoDatabase mongo, Connection hbase, TableNames names, Set<String> analytics,
                                    ZoneId zone, Map<String, String> units) {
            Contracts contracts = new Contracts(hbase, names);
            return new Services(new ResultsEndpoints(new ResultReader(mongo, hbase, names), contracts, analytics,
                    new Setups(mongo), new JobRuns(mongo)),
                    new ConsumptionEndpoints(new PeriodReader(hbase, names), contracts, zone, new MeasureUnits(units)),
                    new QualityEndpoints(new TrustReader(hbase, names), contracts),
                    new KeyCache(new ApiKeys(mongo)), new Health(mongo, hbase));
        }
    }

    private PortalServer(Undertow server, GracefulShutdownHandler requests, Services services) {
        this.server = server;
        this.requests = requests;
        this.services = services;
    }

    /** Starts serving on {@code host:port} ({@code port} 0: any free port) with the default limits. */
    public static PortalServer start(Services services, String host, int port) {
        return start(services, host, port, Limits.DEFAULT);
    }

    public static PortalServer start(Services services, String host, int port, Limits limits) {
        // the OT list is the server's own, so the document cannot fall behind a new analytic
        String openApi = resource("openapi.json").replace("\"@ANALYTICS@\"", services.results().analytics().stream()
                .sorted().map(ot -> "\"" + ot + "\"").collect(Collectors.joining(", ", "[", "]")));
        RoutingHandler routes = Handlers.routing()
                .get("/v1/health", exchange -> services.health().answer(exchange))
                .get("/v1/openapi.json", exchange -> send(exchange, 200, openApi))
                .get("/v1/results/{ot}/{contractId}", authorized(services.keys(),
                        (exchange, company) -> send(exchange, 200, services.results().contract(exchange, company))))
                .get("/v1/results/{ot}", authorized(services.keys(),
                        (exchange, company) -> send(exchange, 200, services.results().month(exchange, company))))
                .get("/v1/consumption/{contractId}", authorized(services.keys(),
                        (exchange, company) -> send(exchange, 200, services.consumption().contract(exchange,
                                company))))
                .get("/v1/quality/{contractId}", authorized(services.keys(),
                        (exchange, company) -> send(exchange, 200, services.quality().contract(exchange, company))))
                .get("/v1/quality", authorized(services.keys(),
                        (exchange, company) -> send(exchange, 200, services.quality().company(exchange, company))))
                .get("/v1/consumption", authorized(services.keys(),
                        (exchange, company) -> send(exchange, 200, services.consumption().company(exchange,
                                company))))
                .setFallbackHandler(exchange -> error(exchange, 404, "no such endpoint: see /v1/openapi.json"))
                .setInvalidMethodHandler(exchange -> error(exchange, 405, "only GET is served"));
        StaticFiles files = new StaticFiles();
        files.paths().forEach(path -> routes.get(path, exchange -> files.answer(exchange, path)));
        GracefulShutdownHandler requests = Handlers.gracefulShutdown(new BlockingHandler(guarded(limited(routes,
                limits))));
        Undertow server = Undertow.builder().addHttpListener(port, host).setHandler(requests)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_HEADERS, limits.maxHeaders())
                .setServerOption(UndertowOptions.MAX_PARAMETERS, limits.maxParameters())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 0L)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.parseTimeout().toMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.idleTimeout().toMillis())
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new EnmaException("cannot listen on " + host + ":" + port + ": " + Optional.ofNullable(e.getCause())
                    .map(Throwable::getMessage).orElse(e.getMessage()) + " (another program uses the port? --port)");
        }
        return new PortalServer(server, requests, services);
    }

    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /**
     * Stops: new requests are answered 503, the requests in flight finish (at most {@link #DRAIN}), then the listener
     * closes. The stores are the caller's to close, after this.
     */
    @Override
    public void close() {
        requests.shutdown();
        try {
            if (!requests.awaitShutdown(DRAIN.toMillis())) {
                LOG.warn("requests still in flight after {} s were cut off", DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
            services.health().close();
            services.keys().close();
        }
    }

    private interface CompanyHandler {
        void handle(HttpServerExchange exchange, CompanyId company) throws IOException;
    }

    private static HttpHandler authorized(KeyCache keys, CompanyHandler handler) {
        return exchange -> {
            String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (header == null || !header.startsWith(BEARER)) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
                throw ApiError.unauthorized("missing API key: send Authorization: Bearer <key>");
            }
            Optional<CompanyId> company = keys.companyOf(header.substring(BEARER.length()).trim());
            if (company.isEmpty()) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
                throw ApiError.unauthorized("unknown API key");
            }
            handler.handle(exchange, company.get());
        };
    }

    private static HttpHandler limited(HttpHandler next, Limits limits) {
        return exchange -> {
            if (exchange.getRequestURI().length() + exchange.getQueryString().length() > limits.maxUriChars()) {
                throw ApiError.uriTooLong("the request URI is longer than " + limits.maxUriChars() + " characters");
            }
            next.handleRequest(exchange);
        };
    }

    private static HttpHandler guarded(HttpHandler next) {
        return exchange -> {
            try {
                next.handleRequest(exchange);
            } catch (ApiError e) {
                error(exchange, e.status(), e.getMessage());
            } catch (Exception e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
                error(exchange, 500, "internal error");
            }
        };
    }

    static void send(HttpServerExchange exchange, int status, String json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseHeaders().put(new HttpString("Cache-Control"), "no-store");
        exchange.getResponseSender().send(json, StandardCharsets.UTF_8);
    }

    private static void error(HttpServerExchange exchange, int status, String message) {
        send(exchange, status, new Document("error", message).toJson());
    }

    private static String resource(String name) {
        try (InputStream in = PortalServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the portal-api jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

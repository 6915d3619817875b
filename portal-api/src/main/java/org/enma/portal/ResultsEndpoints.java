package org.enma.portal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.enma.schema.CompanyId;
import org.enma.schema.Identifier;
import org.enma.schema.Month;
import org.enma.store.JobRuns;
import org.enma.store.ResultReader;
import org.enma.store.Setups;
import org.enma.store.Contracts;

/**
 * {@code GET /v1/results/{OT}/{contractId}?from&to[&setupId]} and
 * {@code GET /v1/results/{OT}?month[&setupId]&page&size}: a company's results, from MongoDB or (for purged months) the
 * HBase mirror, as {@code {"items": [...]}}. A result's key includes its setup, so a month run with two setups holds
 * two results per contract: without {@code setupId} each month answers the setup of its latest succeeded run
 * (jobRuns, read at most once a second: {@link LatestSetups}), or every setup when no run is recorded (results written
 * before runs were, or by a job of one's own that records none).
 */
public final class ResultsEndpoints {
    static final int MAX_MONTHS = 36;
    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final ResultReader reader;
    private final Contracts contracts;
    private final Set<String> analytics;
    private final Setups setups;
    private final LatestSetups latest;
    /** Written-back analytics seen with a setup: they do not go away, so each is asked of MongoDB once. */
    private final Set<String> writtenBack = ConcurrentHashMap.newKeySet();

    /** The analytics whose results this API serves. */
    Set<String> analytics() {
        return analytics;
    }

    ResultsEndpoints(ResultReader reader, Contracts contracts, Set<String> analytics, Setups setups, JobRuns runs) {
        this.reader = reader;
        this.contracts = contracts;
        this.analytics = Set.copyOf(analytics);
        this.setups = setups;
        this.latest = new LatestSetups(runs);
    }

    String contract(HttpServerExchange exchange, CompanyId company) throws IOException {
        String ot = analytic(exchange);
        String contractId = Query.contractId(pathParameter(exchange, "contractId"));
        Query query = Query.of(exchange, Set.of("from", "to", "setupId"));
        Optional<String> setupId = query.setupId("setupId");
        Month from = query.month("from");
        Month to = query.month("to");
        if (from.compareTo(to) > 0) {
            throw ApiError.badRequest("from " + from + " is after to " + to);
        }
        long months = ChronoUnit.MONTHS.between(from.value(), to.value()) + 1;
        if (months > MAX_MONTHS) {
            throw ApiError.badRequest("from " + from + " to " + to + " spans " + months + " months; at most "
                    + MAX_MONTHS + " per request");
        }
        List<Document> items = reader.contract(ot, company, contractId, from, to);
        if (items.isEmpty() && !contracts.exists(company, contractId)) {
            throw ApiError.notFound("no contract " + contractId);
        }
        Map<Integer, String> chosen = setupId.isPresent() || items.isEmpty() ? Map.of() : latest.of(ot, company);
        items.removeIf(doc -> setupId.or(() -> Optional.ofNullable(chosen.get(doc.getInteger("month"))))
                .map(s -> !s.equals(doc.getString("setupId"))).orElse(false));
        return items(items, "");
    }

    String month(HttpServerExchange exchange, CompanyId company) throws IOException {
        if (exchange.getRequestPath().endsWith("/")) {
            // Undertow routes /v1/results/{ot}/ here: it is the contract endpoint with an empty contractId
            Query.contractId("");
        }
        String ot = analytic(exchange);
        Query query = Query.of(exchange, Set.of("month", "page", "size", "setupId"));
        Month month = query.month("month");
        int page = query.number("page", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = query.number("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        Optional<String> setupId = query.setupId("setupId")
                .or(() -> Optional.ofNullable(latest.of(ot, company).get(month.asNumber())));
        ResultReader.Page found = reader.month(ot, company, month, setupId, (page - 1) * size, size);
        // the fields after the items, as JSON through the driver's encoder
        Document paging = new Document("page", page).append("size", size).append("total", found.total())
                .append("setupId", setupId.orElse(null));
        if ((long) page * size < found.total()) {
            paging.append("next", "/v1/results/" + ot + "?month=" + month + setupId.map(s -> "&setupId=" + s)
                    .orElse("") + "&page=" + (page + 1) + "&size=" + size);
        }
        String more = paging.toJson(JSON);
        return items(found.items(), ", " + more.substring(1, more.length() - 1));
    }

    private String analytic(HttpServerExchange exchange) {
        String ot = pathParameter(exchange, "ot").toUpperCase(Locale.ROOT);
        if (!analytics.contains(ot) && !writtenBack(ot)) {
            throw ApiError.badRequest("unknown analytic \"" + Identifier.printable(pathParameter(exchange, "ot"))
                    + "\"; results exist for " + String.join(", ", analytics.stream().sorted().toList()));
        }
        return ot;
    }

    /** Whether {@code ot} is an analytic written back from Spark: a valid name with a setup saved. */
    private boolean writtenBack(String ot) {
        if (writtenBack.contains(ot)) {
            return true;
        }
        if (ot.matches("OT[0-9]{3}") && setups.hasAnalytic(ot)) {
            writtenBack.add(ot);
            return true;
        }
        return false;
    }

    private static String pathParameter(HttpServerExchange exchange, String name) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
    }

    /** The documents without their internal {@code _id} (the portal addresses results by contract and month). */
    private static String items(List<Document> documents, String extra) {
        StringBuilder json = new StringBuilder("{\"items\": [");
        for (int i = 0; i < documents.size(); i++) {
            Document doc = new Document(documents.get(i));
            doc.remove("_id");
            json.append(i == 0 ? "" : ", ").append(doc.toJson(JSON));
        }
        return json.append("]").append(extra).append("}").toString();
    }
}

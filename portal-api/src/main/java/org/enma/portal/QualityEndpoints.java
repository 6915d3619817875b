package org.enma.portal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TrustColumns;
import org.enma.store.Contracts;
import org.enma.store.TrustReader;

/**
 * {@code GET /v1/quality/{contractId}} and {@code GET /v1/quality} (the company's days): what {@code enma validate}
 * found of each local day — the interval, the intervals expected, actual, estimated, suspect and missing, and the
 * measures each rule flagged — from the trust table. A company never validated answers no items.
 */
final class QualityEndpoints {
    static final int MAX_DAYS = 1000;
    private static final Set<String> PARAMETERS = Set.of("from", "to", "type");
    private static final List<String> COUNTERS = List.of(TrustColumns.INTERVAL, TrustColumns.EXPECTED,
            TrustColumns.ACTUAL, TrustColumns.ESTIMATED, TrustColumns.SUSPECT, TrustColumns.MISSING);

    private final TrustReader reader;
    private final Contracts contracts;

    QualityEndpoints(TrustReader reader, Contracts contracts) {
        this.reader = reader;
        this.contracts = contracts;
    }

    String contract(HttpServerExchange exchange, CompanyId company) throws IOException {
        String contractId = Query.contractId(exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters()
                .get("contractId"));
        Request request = Request.of(exchange, company);
        List<TrustReader.Day> days = reader.days(company, request.type(), contractId, request.from(), request.to(),
                MAX_DAYS);
        if (days.isEmpty() && !contracts.exists(company, contractId)) {
            throw ApiError.notFound("no contract " + contractId);
        }
        return new Document("contractId", contractId).append("items", items(days, false)).toJson();
    }

    String company(HttpServerExchange exchange, CompanyId company) throws IOException {
        Request request = Request.of(exchange, company);
        return new Document("items", items(reader.days(company, request.type(), "", request.from(), request.to(),
                MAX_DAYS), true)).toJson();
    }

    private static List<Document> items(List<TrustReader.Day> days, boolean company) {
        List<Document> items = new ArrayList<>(days.size());
        for (TrustReader.Day day : days) {
            Document item = new Document("date", day.day().toString());
            for (String counter : COUNTERS) {
                item.append(counter, number(day.counters().get(counter)));
            }
            if (company) {
                item.append("contracts", number(day.counters().get(TrustColumns.CONTRACTS)));
            }
            Document rules = new Document();
            day.rules().forEach((rule, count) -> rules.append(rule, number(count)));
            items.add(item.append("rules", rules));
        }
        return items;
    }

    /** A counter as stored (a whole number), 0 when absent. */
    private static long number(String text) {
        return text == null ? 0 : Long.parseLong(text);
    }

    /** The checked query: the local days {@code from} … {@code to} and the measure type. */
    private record Request(LocalDate from, LocalDate to, String type) {
        static Request of(HttpServerExchange exchange, CompanyId company) {
            Query query = Query.of(exchange, PARAMETERS);
            LocalDate from = query.date("from");
            LocalDate to = query.date("to");
            if (from.isAfter(to)) {
                throw ApiError.badRequest("from " + from + " is after to " + to);
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw ApiError.badRequest("from " + from + " to " + to + " holds more than " + MAX_DAYS
                        + " days; at most " + MAX_DAYS + " per request");
            }
            String type = query.get("type").orElse(ConsumptionEndpoints.DEFAULT_TYPE);
            try {
                EnmaTable.measuresOf(type, company);
            } catch (EnmaException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            return new Request(from, to, type);
        }
    }
}

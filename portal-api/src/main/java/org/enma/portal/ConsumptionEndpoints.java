package org.enma.portal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.Period;
import org.enma.schema.PeriodColumns;
import org.enma.store.PeriodReader;
import org.enma.store.Contracts;

/**
 * {@code GET /v1/consumption/{contractId}} and {@code GET /v1/consumption} (the company totals): a contract's own
 * consumption by period from the period table ({@code enma rollup}), for portals and Grafana's JSON data sources —
 * {@code time} in ISO-8601 with the deployment's offset, the figures as exact JSON numbers.
 */
final class ConsumptionEndpoints {
    static final int MAX_ITEMS = 1000;
    static final String DEFAULT_TYPE = EnmaTable.ELECTRICITY_CONSUMPTION;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final Set<String> PARAMETERS = Set.of("period", "from", "to", "type");

    private final PeriodReader reader;
    private final Contracts contracts;
    private final ZoneId zone;
    private final MeasureUnits units;

    ConsumptionEndpoints(PeriodReader reader, Contracts contracts, ZoneId zone, MeasureUnits units) {
        this.reader = reader;
        this.contracts = contracts;
        this.zone = zone;
        this.units = units;
    }

    String contract(HttpServerExchange exchange, CompanyId company) throws IOException {
        String contractId = Query.contractId(exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters()
                .get("contractId"));
        Request request = Request.of(exchange, company);
        Optional<List<PeriodReader.Item>> items = reader.periods(company, request.type(), contractId,
                request.period(), request.from(), request.to(), MAX_ITEMS);
        if (items.map(List::isEmpty).orElse(true) && !contracts.exists(company, contractId)) {
            throw ApiError.notFound("no contract " + contractId);
        }
        String identity = new Document("contractId", contractId).toJson();
        return identity.substring(0, identity.length() - 1) + ", " + body(company, request, items, false);
    }

    String company(HttpServerExchange exchange, CompanyId company) throws IOException {
        Request request = Request.of(exchange, company);
        return "{" + body(company, request, reader.periods(company, request.type(), "", request.period(),
                request.from(), request.to(), MAX_ITEMS), true);
    }

    /** {@code periods} empty: no rollup has run for the company and type — said as {@code "rolledUp": false}. */
    private String body(CompanyId company, Request request, Optional<List<PeriodReader.Item>> periods,
                        boolean totals) {
        // the unit as JSON, null included, through the driver's encoder: a configured unit may hold any character
        String unit = new Document("unit", units.of(company, request.type())).toJson();
        StringBuilder json = new StringBuilder("\"period\": \"").append(request.period()).append("\", ")
                .append(unit, 1, unit.length() - 1).append(", \"rolledUp\": ").append(periods.isPresent())
                .append(", \"items\": [");
        List<PeriodReader.Item> items = periods.orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Map<String, String> cells = items.get(i).cells();
            json.append(i == 0 ? "" : ", ").append("{\"time\": \"")
                    .append(TIME.format(items.get(i).start().atZone(zone))).append('"');
            // decimal texts of the value codec are JSON numbers as they are: no double rounding on the way
            for (String q : List.of(PeriodColumns.V, PeriodColumns.N, PeriodColumns.MIN, PeriodColumns.MAX,
                    PeriodColumns.COST)) {
                if (cells.containsKey(q)) {
                    json.append(", \"").append(q).append("\": ").append(cells.get(q));
                }
            }
            if (cells.containsKey(PeriodColumns.NE)) {
                json.append(", \"estimated\": ").append(cells.get(PeriodColumns.NE));
            }
            if (totals && cells.containsKey(PeriodColumns.CONTRACTS)) {
                json.append(", \"contracts\": ").append(cells.get(PeriodColumns.CONTRACTS));
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    /** The checked query: the period kind, the local span {@code [from, to)}, the measure type. */
    private record Request(Period period, LocalDateTime from, LocalDateTime to, String type) {
        static Request of(HttpServerExchange exchange, CompanyId company) {
            Query query = Query.of(exchange, PARAMETERS);
            String name = query.get("period").orElseThrow(() -> ApiError.badRequest("query parameter period is"
                    + " required: one of " + periods()));
            Period period;
            try {
                period = Period.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("unknown period \"" + Query.printable(name) + "\": one of " + periods());
            }
            LocalDate first = query.date("from");
            LocalDate last = query.date("to");
            if (first.isAfter(last)) {
                throw ApiError.badRequest("from " + first + " is after to " + last);
            }
            String type = query.get("type").orElse(DEFAULT_TYPE);
            try {
                EnmaTable.measuresOf(type, company);
            } catch (EnmaException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            LocalDateTime from = period.startOf(first.atStartOfDay()).isBefore(first.atStartOfDay())
                    ? period.next(period.startOf(first.atStartOfDay())) : first.atStartOfDay();
            LocalDateTime to = last.plusDays(1).atStartOfDay();
            long count = 0;
            for (LocalDateTime t = from; t.isBefore(to); t = period.next(t)) {
                if (++count > MAX_ITEMS) {
                    throw ApiError.badRequest("from " + first + " to " + last + " holds more than " + MAX_ITEMS + " "
                            + period + " periods; at most " + MAX_ITEMS + " per request");
                }
            }
            return new Request(period, from, to, type);
        }

        private static String periods() {
            return String.join(", ", Arrays.stream(Period.values()).map(Period::name).toList());
        }
    }
}

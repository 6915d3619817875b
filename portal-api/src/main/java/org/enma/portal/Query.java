package org.enma.portal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.QueryParameterUtils;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.enma.schema.EnmaException;
import org.enma.schema.Identifier;
import org.enma.schema.Month;
import org.enma.schema.SetupId;

/** A request's query parameters, checked: only the expected ones, each at most once, each well-formed. */
final class Query {
    /** Strict: 2014-02-30 is refused, not moved to 28 February. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private final Map<String, Deque<String>> parameters;

    private Query(Map<String, Deque<String>> parameters) {
        this.parameters = parameters;
    }

    /** The query of {@code exchange}; refuses parameters other than {@code allowed}. */
    static Query of(HttpServerExchange exchange, Set<String> allowed) {
        // the query string alone: Undertow's getQueryParameters() also holds the path template's parameters
        Map<String, Deque<String>> query = QueryParameterUtils.parseQueryString(exchange.getQueryString(), "UTF-8");
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("unknown query parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; this endpoint takes " + String.join(", ", new TreeSet<>(allowed)));
        }
        return new Query(query);
    }

    Optional<String> get(String name) {
        Deque<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiError.badRequest("query parameter " + name + " is given " + values.size() + " times");
        }
        return Optional.of(values.getFirst());
    }

    Month month(String name) {
        String text = get(name).orElseThrow(() -> ApiError.badRequest("query parameter " + name
                + " is required (YYYYMM)"));
        return valid(() -> Month.parse(text));
    }

    int number(String name, int defaultValue, int min, int max) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiError.badRequest("query parameter " + name + " must be a whole number from " + min + " to " + max
                + ", was \"" + printable(text.get()) + "\"");
    }

    /** A required date, {@code YYYY-MM-DD}, that exists in the calendar. */
    LocalDate date(String name) {
        String text = get(name).orElseThrow(() -> ApiError.badRequest("query parameter " + name
                + " is required (YYYY-MM-DD)"));
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("query parameter " + name + " must be a date YYYY-MM-DD that exists, was \""
                    + printable(text) + "\"");
        }
    }

    /** An optional setupId: 24 lower-case hex digits. */
    Optional<String> setupId(String name) {
        return get(name).map(text -> valid(() -> SetupId.of(text)).value());
    }

    static String contractId(String value) {
        return valid(() -> Identifier.require("contractId", value));
    }

    private static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (EnmaException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    static String printable(String text) {
        String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        return Identifier.printable(shown);
    }
}

package org.enma.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.enma.schema.DecimalText;

/**
 * The text of a result field in the HBase mirror, and back, so that a document read from HBase has the same shape as
 * the one MongoDB holds. Integers are digits ({@code 602}), decimals are decimal text that always has a point
 * ({@code 216.65}, {@code 216.0}: the point tells a double from an integer), arrays and objects are JSON, and strings
 * are written as they are ({@code postalCode + tariffId}) unless they would read back as something else (a number,
 * JSON, or text that starts with a quote): those are written as a JSON string literal.
 */
public final class MirrorValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");

    private MirrorValues() {
    }

    public static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            String text = DecimalText.format(((Number) value).doubleValue());
            return text.contains(".") ? text : text + ".0";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof String s) {
            return readsAsSomethingElse(s) ? json(s) : s;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return json(value);
        }
        throw new IllegalArgumentException("unsupported result field type " + value.getClass().getName());
    }

    /** The value {@link #text} wrote: Integer or Long, Double, List, Map (as a MongoDB Document), or String. */
    public static Object value(String text) {
        if (INTEGER.matcher(text).matches()) {
            long n = Long.parseLong(text);
            return n == (int) n ? (Object) (int) n : (Object) n;
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return org.bson.Document.parse("{\"v\": " + text + "}").get("v");
        }
        if (text.startsWith("\"")) {
            try {
                return JSON.readValue(text, String.class);
            } catch (JsonProcessingException e) {
                return text;
            }
        }
        return text;
    }

    private static boolean readsAsSomethingElse(String s) {
        return INTEGER.matcher(s).matches() || DECIMAL.matcher(s).matches() || s.startsWith("{") || s.startsWith("[")
                || s.startsWith("\"");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("result field cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}

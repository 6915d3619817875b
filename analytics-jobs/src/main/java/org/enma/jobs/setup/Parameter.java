package org.enma.jobs.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.enma.schema.EnmaException;

/**
 * One parameter of an analytic's setup (docs/analytics.md), with its kind and default. Reading a value from a setup file
 * checks its kind and names the parameter and the value when it is wrong.
 */
public record Parameter(String name, Kind kind, Object defaultValue, boolean omittedAtDefault) {

    public enum Kind {
        /** A whole number. */
        INTEGER,
        /** Any number, kept as a double. */
        NUMBER,
        /** A list of attribute lists, e.g. {@code [["postalCode","tariffId"], ["postalCode"], []]}. */
        CRITERIA
    }

    public Parameter(String name, Kind kind, Object defaultValue) {
        this(name, kind, defaultValue, false);
    }

    /**
     * This parameter as one added after setups were saved: left out of a setup while at its default, so that the
     * setups that leave it there keep the setupId they had (docs/analytics.md § Setup).
     */
    public Parameter addedLater() {
        return new Parameter(name, kind, defaultValue, true);
    }

    public static Parameter integer(String name, int defaultValue) {
        return new Parameter(name, Kind.INTEGER, defaultValue);
    }

    public static Parameter number(String name, double defaultValue) {
        return new Parameter(name, Kind.NUMBER, defaultValue);
    }

    public static Parameter criteria(String name, List<List<String>> defaultValue) {
        return new Parameter(name, Kind.CRITERIA, defaultValue);
    }

    Object read(JsonNode value) {
        return switch (kind) {
            case INTEGER -> {
                if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
                    throw wrong(value, "a whole number");
                }
                yield value.asInt();
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    throw wrong(value, "a number");
                }
                yield value.asDouble();
            }
            case CRITERIA -> criteriaOf(value);
        };
    }

    private List<List<String>> criteriaOf(JsonNode value) {
        String expected = "a list of attribute lists, e.g. [[\"postalCode\",\"tariffId\"], [\"postalCode\"], []]";
        if (!value.isArray() || value.isEmpty()) {
            throw wrong(value, expected);
        }
        List<List<String>> criteria = new ArrayList<>();
        for (JsonNode criterion : value) {
            if (!criterion.isArray()) {
                throw wrong(value, expected);
            }
            List<String> attributes = new ArrayList<>();
            for (JsonNode attribute : criterion) {
                if (!attribute.isTextual() || attribute.asText().isEmpty()) {
                    throw wrong(value, expected);
                }
                attributes.add(attribute.asText());
            }
            criteria.add(List.copyOf(attributes));
        }
        return List.copyOf(criteria);
    }

    private EnmaException wrong(JsonNode value, String expected) {
        return new EnmaException("setup parameter \"" + name + "\" must be " + expected + ", was " + value);
    }
}

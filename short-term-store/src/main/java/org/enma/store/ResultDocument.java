package org.enma.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Put;
import org.bson.Document;
import org.enma.schema.DecimalText;
import org.enma.schema.Family;
import org.enma.schema.ResultKey;

/**
 * One analytics result: its key (month, company, contract, setup) and its fields in output order. The same result
 * becomes the MongoDB document ({@code _id} = the HBase key, so writes are idempotent) and its HBase mirror row
 * (family {@code results}, one qualifier per field; arrays and objects as JSON text, numbers as decimal text).
 */
public record ResultDocument(ResultKey key, Map<String, Object> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ResultDocument {
        fields = new LinkedHashMap<>(fields);
    }

    public Document toMongo() {
        Document doc = new Document("_id", key.toString())
                .append("contractId", key.contractId())
                .append("companyId", key.company().asNumber())
                .append("month", key.month().asNumber())
                .append("setupId", key.setupId().value());
        fields.forEach(doc::append);
        return doc;
    }

    /** The mirror row; the identity fields are the row key, so only the result fields become cells. */
    public Put toMirror() {
        Put put = new Put(key.encode());
        fields.forEach((name, value) -> put.addColumn(Family.RESULTS.bytes(), name.getBytes(StandardCharsets.UTF_8),
                text(value).getBytes(StandardCharsets.UTF_8)));
        return put;
    }

    static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return DecimalText.format(((Number) value).doubleValue());
        }
        if (value instanceof Number || value instanceof String) {
            return value.toString();
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("result field cannot be written as JSON: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("unsupported result field type " + value.getClass().getName());
    }
}

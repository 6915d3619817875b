package org.enma.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.hbase.client.Put;
import org.bson.Document;
import org.enma.schema.Family;
import org.enma.schema.ResultKey;

/**
 * One analytics result: its key (month, company, contract, setup) and its fields in output order. The same result
 * becomes the MongoDB document ({@code _id} = the HBase key, so writes are idempotent) and its HBase mirror row
 * (family {@code results}, one qualifier per field, written by {@link MirrorValues}).
 */
public record ResultDocument(ResultKey key, Map<String, Object> fields) {
    public ResultDocument {
        fields = new LinkedHashMap<>(fields);
    }

    public Document toMongo() {
        Document doc = identity(key);
        fields.forEach(doc::append);
        return doc;
    }

    /** The fields every result document starts with, all taken from its key. */
    static Document identity(ResultKey key) {
        return new Document("_id", key.toString())
                .append("contractId", key.contractId())
                .append("companyId", key.company().asNumber())
                .append("month", key.month().asNumber())
                .append("setupId", key.setupId().value());
    }

    /** The mirror row; the identity fields are the row key, so only the result fields become cells. */
    public Put toMirror() {
        Put put = new Put(key.encode());
        fields.forEach((name, value) -> put.addColumn(Family.RESULTS.bytes(), name.getBytes(StandardCharsets.UTF_8),
                MirrorValues.text(value).getBytes(StandardCharsets.UTF_8)));
        return put;
    }
}

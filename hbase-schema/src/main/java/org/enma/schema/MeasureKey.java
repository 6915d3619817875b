package org.enma.schema;

import java.util.List;

/**
 * Key of a measure or weather row: {@code <bucket>~<timestamp>~<id>}, with {@code id} the contractId (measures) or
 * the stationId (weather) and the timestamp in epoch seconds.
 */
public record MeasureKey(long timestamp, String id) {
    private static final List<String> PARTS = List.of("bucket", "timestamp", "id");

    public MeasureKey {
        Bucket.of(timestamp);
        Identifier.require("id", id);
    }

    public static MeasureKey of(long timestamp, String id) {
        return new MeasureKey(timestamp, id);
    }

    public int bucket() {
        return Bucket.of(timestamp);
    }

    public byte[] encode() {
        return KeyParts.join(bucket(), timestamp, id);
    }

    /** Decodes a key, checking that its bucket matches its timestamp (a mismatch means it was not written by ENMA). */
    public static MeasureKey decode(byte[] key) {
        String[] parts = KeyParts.split(key, "measure", PARTS);
        long bucket = KeyParts.parseLong(parts[0], "bucket", key);
        MeasureKey decoded = new MeasureKey(KeyParts.parseLong(parts[1], "timestamp", key), parts[2]);
        if (bucket != decoded.bucket()) {
            throw new EnmaException("row key \"" + decoded.id() + "\" at timestamp " + decoded.timestamp()
                    + " has bucket " + bucket + ", but the bucket of that timestamp is " + decoded.bucket());
        }
        return decoded;
    }

    @Override
    public String toString() {
        return bucket() + "~" + timestamp + "~" + id;
    }
}

package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /**
     * The key ranges of one bucket that hold every timestamp of {@code [fromSecond, toSecond)}. Timestamps are
     * written without padding, so key order is numeric order only among timestamps of equal length: the time range
     * is cut where the digit count changes, one range per length. A range may also hold a few keys of other lengths
     * (e.g. 9-digit timestamps of the 1970s sort inside a range of 10-digit ones): readers check each timestamp.
     */
    public static List<KeyRange> scanRanges(int bucket, long fromSecond, long toSecond) {
        if (bucket < 0 || bucket >= Bucket.COUNT) {
            throw new IllegalArgumentException("bucket must be 0.." + (Bucket.COUNT - 1) + ", was " + bucket);
        }
        Bucket.of(fromSecond);
        if (fromSecond == 0 && toSecond == Long.MAX_VALUE) {
            // every time: one scan of the bucket instead of one per digit count
            return List.of(Bucket.range(bucket));
        }
        List<KeyRange> ranges = new ArrayList<>();
        long lo = fromSecond;
        while (lo < toSecond) {
            long nextLength = nextPowerOfTen(lo);
            long hi = Math.min(toSecond, nextLength);
            ranges.add(new KeyRange(KeyParts.join(bucket, lo), KeyParts.endAfter(bucket, hi - 1)));
            lo = hi;
        }
        return ranges;
    }

    /**
     * A regular expression matching exactly the measure keys whose id is one of {@code ids}, for HBase's {@code
     * RowFilter}: the region server applies it, so rows of other contracts do not travel. Match it against the key
     * decoded as UTF-8.
     */
    public static String idPattern(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an id pattern needs at least one id");
        }
        ids.forEach(id -> Identifier.require("id", id));
        return "^[0-9]+" + KeyParts.SEPARATOR + "[0-9]+" + KeyParts.SEPARATOR + "(?:"
                + ids.stream().sorted().map(Pattern::quote).collect(Collectors.joining("|")) + ")$";
    }

    private static long nextPowerOfTen(long value) {
        long p = 10;
        while (p <= value && p <= Long.MAX_VALUE / 10) {
            p *= 10;
        }
        return p > value ? p : Long.MAX_VALUE;
    }

    /**
     * The timestamp of a key, read straight from its bytes: for readers that scan millions of keys of ranges they
     * chose (so the bucket is right by construction). A key that is not {@code <digits>~<digits>~<id>} is refused
     * with {@link #decode}'s message.
     */
    public static long timestampOf(byte[] key) {
        int first = indexOf(key, 0);
        int second = first < 0 ? -1 : indexOf(key, first + 1);
        if (second <= first + 1 || second - first > 20) {
            throw malformed(key);
        }
        long timestamp = 0;
        for (int i = first + 1; i < second; i++) {
            int digit = key[i] - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(key);
            }
            timestamp = timestamp * 10 + digit;
        }
        return timestamp;
    }

    /** The id of a key (after its second {@code ~}), read straight from its bytes like {@link #timestampOf}. */
    public static String idOf(byte[] key) {
        int first = indexOf(key, 0);
        int second = first < 0 ? -1 : indexOf(key, first + 1);
        if (second < 0 || second == key.length - 1) {
            throw malformed(key);
        }
        return new String(key, second + 1, key.length - second - 1, StandardCharsets.UTF_8);
    }

    /**
     * Whether two keys have the same id (a valid key's id follows its second {@code ~}), compared as bytes: for a
     * loader that walks millions of keys of few ids, without decoding one id per key.
     */
    public static boolean sameId(byte[] a, byte[] b) {
        int idA = indexOf(a, indexOf(a, 0) + 1) + 1;
        int idB = indexOf(b, indexOf(b, 0) + 1) + 1;
        return idA > 0 && idB > 0 && Arrays.equals(a, idA, a.length, b, idB, b.length);
    }

    private static int indexOf(byte[] key, int from) {
        for (int i = from; i < key.length; i++) {
            if (key[i] == KeyParts.SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    private static EnmaException malformed(byte[] key) {
        try {
            decode(key);
        } catch (EnmaException e) {
            return e;
        }
        return new EnmaException("row key \"" + new String(key, StandardCharsets.UTF_8) + "\" is not a measure key");
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
        return new String(encode(), StandardCharsets.UTF_8);
    }
}

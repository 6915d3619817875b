package org.enma.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The salt of time-ordered keys: {@code (timestamp / 100) % 100}, written without padding. Readings 100 seconds
 * apart land in different buckets, so a load that spans many timestamps spreads over every region instead of
 * hammering the last one. Every contract's reading of one hour has the same timestamp, hence the same bucket: hourly
 * data of one hour lands in one bucket, and a year of it over all buckets.
 */
public final class Bucket {
    public static final int COUNT = 100;

    private Bucket() {
    }

    public static int of(long epochSecond) {
        if (epochSecond < 0) {
            throw new EnmaException("timestamp " + epochSecond + " is before 1970: row keys hold epoch seconds >= 0");
        }
        return (int) ((epochSecond / 100) % COUNT);
    }

    /** {@code "<bucket>~"}: every key of a bucket starts with it, and no key of another bucket does. */
    public static byte[] prefix(int bucket) {
        return KeyParts.join(bucket, "");
    }

    /** Every key of a bucket: from its {@link #prefix} to the end of that prefix. */
    public static KeyRange range(int bucket) {
        return new KeyRange(prefix(bucket), KeyParts.endAfter(bucket));
    }

    /** The bucket prefixes in HBase (byte) order: "0~", "10~", "11~", ..., "19~", "1~", "20~", ... */
    public static List<byte[]> prefixesInKeyOrder() {
        List<byte[]> prefixes = new ArrayList<>(COUNT);
        for (int b = 0; b < COUNT; b++) {
            prefixes.add(prefix(b));
        }
        prefixes.sort(Comparator.comparing(p -> p, Bytes.BYTES_COMPARATOR));
        return prefixes;
    }

    /**
     * Split keys that cut the bucket space into {@code regions} regions of (nearly) equal bucket counts, each split
     * on a bucket boundary so that one bucket never straddles two regions.
     */
    public static byte[][] splitKeys(int regions) {
        if (regions < 1 || regions > COUNT) {
            throw new IllegalArgumentException("regions must be 1.." + COUNT + ", was " + regions);
        }
        List<byte[]> ordered = prefixesInKeyOrder();
        byte[][] splits = new byte[regions - 1][];
        for (int i = 1; i < regions; i++) {
            splits[i - 1] = ordered.get(i * COUNT / regions);
        }
        return splits;
    }
}

package org.enma.loaders;

/**
 * The row keys a load has written, as 64-bit fingerprints in open-addressing tables: 11 to 21 bytes a row
 * (about 160 MB for 10 million rows) instead of the keys themselves. The fingerprints are spread over
 * {@value #SEGMENTS} tables by their top bits, so a table that fills up doubles alone: a single table of 10 million
 * rows briefly held its old and new arrays, 400 MB, more than a 1 GB heap could spare beside a bulk batch. Two
 * different keys share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁶ for 10 million rows); such a pair
 * would be counted as a duplicate and still both be stored.
 */
final class KeyFingerprints {
    private static final int SEGMENTS = 256;
    private final long[][] segments = new long[SEGMENTS][1 << 8];
    private final int[] sizes = new int[SEGMENTS];

    /** Adds the key; true when it was there already. */
    boolean addAndCheckSeen(byte[] key) {
        long fingerprint = fingerprint(key);
        int segment = (int) (fingerprint >>> 56);
        // grown at three quarters full, to half full: between 8 / 0.75 and 8 / 0.375 bytes a key
        if (4 * sizes[segment] >= 3 * segments[segment].length) {
            segments[segment] = grown(segments[segment]);
        }
        if (!insert(segments[segment], fingerprint)) {
            return true;
        }
        sizes[segment]++;
        return false;
    }

    private static boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int i = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = fingerprint;
        return true;
    }

    private static long[] grown(long[] table) {
        long[] bigger = new long[table.length * 2];
        for (long f : table) {
            if (f != 0) {
                insert(bigger, f);
            }
        }
        return bigger;
    }

    /** FNV-1a over the bytes, then MurmurHash3's finalizer to spread the bits; never 0 (0 marks a free slot). */
    static long fingerprint(byte[] key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

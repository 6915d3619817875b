package org.enma.loaders;

/**
 * The row keys a load has written, as 64-bit fingerprints in an open-addressing table: 16 bytes a row (160 MB for
 * 10 million rows) instead of the keys themselves. Two different keys share a fingerprint with a probability of about
 * n²/2⁶⁵ (3·10⁻⁶ for 10 million rows); such a pair would be counted as a duplicate and still both be stored.
 */
final class KeyFingerprints {
    private long[] slots = new long[1 << 16];
    private int size;

    /** Adds the key; true when it was there already. */
    boolean addAndCheckSeen(byte[] key) {
        long fingerprint = fingerprint(key);
        if (size * 2 >= slots.length) {
            grow();
        }
        if (!insert(slots, fingerprint)) {
            return true;
        }
        size++;
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

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long f : slots) {
            if (f != 0) {
                insert(bigger, f);
            }
        }
        slots = bigger;
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

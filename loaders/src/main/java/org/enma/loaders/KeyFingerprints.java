package org.enma.loaders;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The row keys a load has written, as 64-bit fingerprints, in bounded memory however many rows a load has: the latest
 * (up to {@value #HELD} of them) in open-addressing tables of 11 to 21 bytes a row, the rest in a sorted file of 8
 * bytes each. {@link #addAndCheckSeen} tells at once a key seen among the held ones — all that the Put path needs to
 * keep a later duplicate after an earlier one still on its way; a key seen only in the file is counted when the held
 * ones are merged into it ({@link #settle}: when they fill up, and at the end of each file), so a file's duplicate
 * count is exact. The fingerprints are spread over {@value #SEGMENTS} tables by their top bits, so a table that fills
 * up doubles alone: a single table of 10 million rows briefly held its old and new arrays, 400 MB. Two different keys
 * share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁶ for 10 million rows); such a pair would be counted
 * as a duplicate and still both be stored.
 */
final class KeyFingerprints implements AutoCloseable {
    static final int HELD = 2_000_000;
    private static final int SEGMENTS = 256;
    private final int held;
    private final long[][] segments = new long[SEGMENTS][];
    private final int[] sizes = new int[SEGMENTS];
    private int size;
    /** Every fingerprint merged from the tables so far, sorted; null until the tables first filled up. */
    private Path spilled;
    /** Duplicates found by a merge and not yet handed out by {@link #settle}. */
    private long late;

    KeyFingerprints() {
        this(HELD);
    }

    /** {@code held}: fingerprints kept in memory (tests use few to cross merges). */
    KeyFingerprints(int held) {
        this.held = held;
        clearTables();
    }

    /** Adds the key; true when it is one of the held ones already. */
    boolean addAndCheckSeen(byte[] key) throws IOException {
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
        if (++size >= held) {
            late += merge();
        }
        return false;
    }

    /**
     * The duplicates not told by {@link #addAndCheckSeen}: keys of rows added since the last call that an earlier row
     * had among the fingerprints no longer held. Merges the held ones into the file when there is one.
     */
    long settle() throws IOException {
        if (spilled != null && size > 0) {
            late += merge();
        }
        long found = late;
        late = 0;
        return found;
    }

    /** Merges the held fingerprints into the sorted file and empties the tables; the fingerprints already there. */
    private long merge() throws IOException {
        long[] sorted = new long[size];
        int n = 0;
        for (long[] table : segments) {
            for (long f : table) {
                if (f != 0) {
                    sorted[n++] = f;
                }
            }
        }
        Arrays.sort(sorted);
        Path merged = Files.createTempFile("enma-load-keys", ".bin");
        long found = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(merged)))) {
            int i = 0;
            if (spilled != null) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spilled)))) {
                    for (long count = Files.size(spilled) / Long.BYTES; count > 0; count--) {
                        long earlier = in.readLong();
                        while (i < n && sorted[i] < earlier) {
                            out.writeLong(sorted[i++]);
                        }
                        if (i < n && sorted[i] == earlier) {
                            found++;
                            i++;
                        }
                        out.writeLong(earlier);
                    }
                }
                Files.delete(spilled);
            }
            while (i < n) {
                out.writeLong(sorted[i++]);
            }
        }
        spilled = merged;
        clearTables();
        return found;
    }

    private void clearTables() {
        for (int s = 0; s < SEGMENTS; s++) {
            segments[s] = new long[1 << 8];
            sizes[s] = 0;
        }
        size = 0;
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

    @Override
    public void close() throws IOException {
        if (spilled != null) {
            Files.deleteIfExists(spilled);
        }
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

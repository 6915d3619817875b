package org.enma.loaders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * One region's rows of a bulk batch, kept as serialized KeyValues in large byte chunks instead of millions of small
 * objects (which the collector copied again and again while a batch filled: a third of the parsing time), with the
 * first {@value #PREFIX_BYTES} bytes of each row key in primitive arrays so that sorting seldom touches the chunks.
 * <p>
 * A row's entry: its cell count, then per cell the KeyValue's length and bytes. Filled by one thread, then read by
 * one writer after {@link #sortedOrder()}.
 */
final class RegionRows {
    static final int PREFIX_BYTES = 24;
    private static final int PREFIX_LONGS = PREFIX_BYTES / Long.BYTES;
    /** Chunks double from the first size to the last, so that a region with a few rows holds a few KB. */
    private static final int FIRST_CHUNK_BYTES = 64 << 10;
    private static final int LAST_CHUNK_BYTES = 8 << 20;
    /** Where the row key starts in an entry: cell count, the first KeyValue's length, then its own row offset. */
    private static final int ROW_AT = 4 + 4 + KeyValue.ROW_KEY_OFFSET;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[0];
    private int position;
    /** Per row: chunk index in the high half, offset in the low half. */
    private long[] entries = new long[1024];
    /** Per row, {@value #PREFIX_LONGS} longs side by side: its key's first bytes. */
    private long[] prefixes = new long[1024 * PREFIX_LONGS];
    private int size;
    private long chunkBytes;

    /** Adds one upload row: its key and its cells (with their final timestamp). */
    void add(byte[] row, List<KeyValue> cells) {
        int length = 4;
        for (KeyValue cell : cells) {
            length += 4 + cell.getLength();
        }
        if (position + length > chunk.length) {
            int next = Math.min(LAST_CHUNK_BYTES, Math.max(FIRST_CHUNK_BYTES, 2 * chunk.length));
            chunk = new byte[Math.max(next, length)];
            chunks.add(chunk);
            chunkBytes += chunk.length;
            position = 0;
        }
        if (size == entries.length) {
            grow();
        }
        entries[size] = ((long) (chunks.size() - 1) << 32) | position;
        for (int p = 0; p < PREFIX_LONGS; p++) {
            prefixes[size * PREFIX_LONGS + p] = prefix(row, p * Long.BYTES);
        }
        size++;
        position = Bytes.putInt(chunk, position, cells.size());
        for (KeyValue cell : cells) {
            position = Bytes.putInt(chunk, position, cell.getLength());
            System.arraycopy(cell.getBuffer(), cell.getOffset(), chunk, position, cell.getLength());
            position += cell.getLength();
        }
    }

    /** Bytes these rows hold on the heap, allocated and not only used: chunks, per-row arrays and the sort's two. */
    long bytes() {
        return chunkBytes + (long) entries.length * ((1 + PREFIX_LONGS) * Long.BYTES + 2 * Integer.BYTES);
    }

    int size() {
        return size;
    }

    /** The cells of row {@code i} (upload position), as KeyValues reading the chunk in place. */
    Cell[] cells(int i) {
        byte[] in = chunks.get((int) (entries[i] >>> 32));
        int at = (int) entries[i];
        Cell[] cells = new Cell[Bytes.toInt(in, at)];
        at += 4;
        for (int c = 0; c < cells.length; c++) {
            int length = Bytes.toInt(in, at);
            cells[c] = new KeyValue(in, at + 4, length);
            at += 4 + length;
        }
        return cells;
    }

    /** Whether rows {@code a} and {@code b} have the same key. */
    boolean sameKey(int a, int b) {
        return compareKeys(a, b) == 0;
    }

    /**
     * The upload positions in key order; rows with equal keys stay in upload order, so the later of two duplicates
     * comes last. A merge sort on the positions: keys are compared by their prefixes first, and only rows whose
     * first {@value #PREFIX_BYTES} bytes agree read their keys from the chunks.
     */
    int[] sortedOrder() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] scratch = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int from = 0; from < size - width; from += 2 * width) {
                merge(order, scratch, from, from + width, Math.min(from + 2 * width, size));
            }
        }
        return order;
    }

    private void merge(int[] order, int[] scratch, int from, int middle, int to) {
        if (compare(order[middle - 1], order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && compare(scratch[left], scratch[right]) <= 0)) {
                order[out] = scratch[left++];
            } else {
                order[out] = scratch[right++];
            }
        }
    }

    /** Key order, then upload order: the sort is stable whatever merges it does. */
    private int compare(int a, int b) {
        int c = compareKeys(a, b);
        return c != 0 ? c : Integer.compare(a, b);
    }

    private int compareKeys(int a, int b) {
        for (int p = 0; p < PREFIX_LONGS; p++) {
            int c = Long.compareUnsigned(prefixes[a * PREFIX_LONGS + p], prefixes[b * PREFIX_LONGS + p]);
            if (c != 0) {
                return c;
            }
        }
        byte[] inA = chunks.get((int) (entries[a] >>> 32));
        int atA = (int) entries[a] + ROW_AT;
        byte[] inB = chunks.get((int) (entries[b] >>> 32));
        int atB = (int) entries[b] + ROW_AT;
        return Bytes.compareTo(inA, atA, Bytes.toShort(inA, atA - 2), inB, atB, Bytes.toShort(inB, atB - 2));
    }

    /**
     * Eight key bytes from {@code from} as an unsigned big-endian number, zero-padded: comparing prefixes agrees with
     * comparing keys, except that a key and the same key followed by zero bytes tie (the full compare decides).
     */
    static long prefix(byte[] key, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (i < key.length ? key[i] & 0xFF : 0);
        }
        return value;
    }

    private void grow() {
        int capacity = size * 2;
        entries = Arrays.copyOf(entries, capacity);
        prefixes = Arrays.copyOf(prefixes, capacity * PREFIX_LONGS);
    }
}

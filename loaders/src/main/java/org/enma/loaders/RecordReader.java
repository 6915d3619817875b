package org.enma.loaders;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into CSV records (RFC 4180: a line end inside quotes belongs to the field) without decoding
 * it, so that a row with invalid UTF-8 is one rejected row and not a broken file. A quote still open at the end of
 * the file, or after {@value #MAX_LINES} lines or {@value #MAX_BYTES} bytes, is taken as a stray quote: its first
 * line becomes a rejected record and reading resumes on the line after it. Memory is bounded by those limits.
 */
final class RecordReader implements Closeable {
    static final int MAX_LINES = 100;
    static final int MAX_BYTES = 1 << 20;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] pushback = new byte[0];
    private int pushbackPos;
    private long line = 1;
    private boolean first = true;
    private byte[] record = new byte[256];
    private int size;

    RecordReader(InputStream in) {
        this.in = in;
    }

    /** The next record, or {@code null} at the end. Blank lines are passed over: they hold no row. */
    RawRecord next() throws IOException {
        if (first) {
            first = false;
            skipBom();
        }
        while (true) {
            RawRecord r = readRecord();
            if (r == null || r.bytes().length > 0 || r.unbalancedQuote()) {
                return r;
            }
        }
    }

    private RawRecord readRecord() throws IOException {
        size = 0;
        boolean inQuotes = false;
        int lines = 0;
        long start = line;
        while (true) {
            int b = read();
            if (b < 0) {
                if (size == 0) {
                    return null;
                }
                return inQuotes ? strayQuote(start) : finish(start, lines);
            }
            append((byte) b);
            if (b == '"') {
                inQuotes = !inQuotes;
            } else if (b == '\n') {
                lines++;
                if (!inQuotes) {
                    return finish(start, lines);
                }
                if (lines > MAX_LINES || size > MAX_BYTES) {
                    return strayQuote(start);
                }
            }
        }
    }

    private RawRecord finish(long start, int lines) {
        line = start + Math.max(lines, 1);
        int end = size;
        if (end > 0 && record[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && record[end - 1] == '\r') {
            end--;
        }
        return new RawRecord(start, Arrays.copyOf(record, end), false);
    }

    /** Rejects the first line of a record whose quote never closed and reads the rest again as fresh input. */
    private RawRecord strayQuote(long start) {
        int newline = 0;
        while (newline < size && record[newline] != '\n') {
            newline++;
        }
        int end = newline;
        if (end > 0 && record[end - 1] == '\r') {
            end--;
        }
        byte[] firstLine = Arrays.copyOf(record, end);
        int restFrom = Math.min(newline + 1, size);
        byte[] rest = new byte[size - restFrom + pushback.length - pushbackPos];
        System.arraycopy(record, restFrom, rest, 0, size - restFrom);
        System.arraycopy(pushback, pushbackPos, rest, size - restFrom, pushback.length - pushbackPos);
        pushback = rest;
        pushbackPos = 0;
        line = start + 1;
        return new RawRecord(start, firstLine, true);
    }

    private void skipBom() throws IOException {
        while (limit - pos < BOM.length && fillMore() > 0) {
            // a stream may hand over fewer than three bytes at a time
        }
        if (limit - pos >= BOM.length && buffer[pos] == BOM[0] && buffer[pos + 1] == BOM[1]
                && buffer[pos + 2] == BOM[2]) {
            pos += BOM.length;
        }
    }

    private int read() throws IOException {
        if (pushbackPos < pushback.length) {
            return pushback[pushbackPos++] & 0xFF;
        }
        if (pos >= limit && fillMore() <= 0) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    /** Reads more bytes behind the unread ones; returns how many came (-1 at the end). */
    private int fillMore() throws IOException {
        int kept = limit - pos;
        System.arraycopy(buffer, pos, buffer, 0, kept);
        pos = 0;
        limit = kept;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    private void append(byte b) {
        if (size == record.length) {
            record = Arrays.copyOf(record, size * 2);
        }
        record[size++] = b;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

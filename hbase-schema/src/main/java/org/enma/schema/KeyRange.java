package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A scan range of row keys: {@code start} inclusive, {@code stop} exclusive, as HBase's {@code Scan} takes them. */
public record KeyRange(byte[] start, byte[] stop) {
    public KeyRange {
        start = start.clone();
        stop = stop.clone();
    }

    @Override
    public byte[] start() {
        return start.clone();
    }

    @Override
    public byte[] stop() {
        return stop.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRange other && Arrays.equals(start, other.start) && Arrays.equals(stop, other.stop);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(stop);
    }

    @Override
    public String toString() {
        return "[" + new String(start, StandardCharsets.UTF_8) + ", " + new String(stop, StandardCharsets.UTF_8) + ")";
    }
}

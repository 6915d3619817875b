package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.hbase.util.Bytes;

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

    /**
     * The part of this range inside a region {@code [regionStart, regionEnd)}, HBase's way: an empty start or end is
     * unbounded. Empty when they do not overlap.
     */
    public Optional<KeyRange> within(byte[] regionStart, byte[] regionEnd) {
        byte[] from = regionStart.length > 0 && Bytes.compareTo(regionStart, start) > 0 ? regionStart : start;
        byte[] to = regionEnd.length > 0 && Bytes.compareTo(regionEnd, stop) < 0 ? regionEnd : stop;
        return Bytes.compareTo(from, to) < 0 ? Optional.of(new KeyRange(from, to)) : Optional.empty();
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

package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

class BucketTest {

    @Test
    void prefixesSortAsHBaseSortsBytes() {
        List<String> first = Bucket.prefixesInKeyOrder().subList(0, 4).stream().map(Bytes::toString).toList();
        // '~' (0x7E) sorts after every digit, so "1~" comes after "19~".
        assertThat(first).containsExactly("0~", "10~", "11~", "12~");
        assertThat(Bytes.toString(Bucket.prefixesInKeyOrder().get(10))).isEqualTo("19~");
        assertThat(Bytes.toString(Bucket.prefixesInKeyOrder().get(11))).isEqualTo("1~");
    }

    @Test
    void aBucketsRangeHoldsItsKeysAndNoOtherBucketsKeys() {
        KeyRange seven = Bucket.range(7);
        assertThat(seven).hasToString("[7~, 7\u007f)");
        assertThat(holds(seven, "7~1372636801~A")).isTrue();
        // "70~..." sorts before "7~" (a digit before '~'), "8~..." after "7\u007f"
        assertThat(holds(seven, "70~1372637000~A")).isFalse();
        assertThat(holds(seven, "8~1372636802~A")).isFalse();
    }

    @Test
    void tenRegionsHoldTenWholeBucketsEach() {
        byte[][] splits = Bucket.splitKeys(10);
        assertThat(splits).hasNumberOfRows(9);
        assertThat(Arrays.stream(splits).map(Bytes::toString).toList())
                .containsExactly("19~", "28~", "37~", "46~", "55~", "64~", "73~", "82~", "91~")
                .isSorted();
        int[] bucketsPerRegion = new int[10];
        for (int b = 0; b < Bucket.COUNT; b++) {
            byte[] someKey = MeasureKey.of(1_400_000_000L + b * 100L, "X").encode();
            bucketsPerRegion[regionOf(someKey, splits)]++;
        }
        assertThat(bucketsPerRegion).containsOnly(10);
    }

    private static int regionOf(byte[] key, byte[][] splits) {
        int region = 0;
        while (region < splits.length && Bytes.compareTo(key, splits[region]) >= 0) {
            region++;
        }
        return region;
    }

    private static boolean holds(KeyRange range, String key) {
        byte[] k = Bytes.toBytes(key);
        return Bytes.compareTo(range.start(), k) <= 0 && Bytes.compareTo(k, range.stop()) < 0;
    }
}

package org.enma.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

class RegionRowsTest {
    private final RegionRows rows = new RegionRows();
    private final List<String> keys = new ArrayList<>();

    @Test
    void sortsByKeyBytesAndKeepsUploadOrderAmongEqualKeys() {
        add("7~1372640400~B");                      // 0
        add("12~1372640400~C000002");               // 1
        add("12~1372640400~C000001");               // 2
        add("7~1372640400~A");                      // 3
        add("12~999999999~A");                      // 4: nine digits sort after "1372..." ('9' > '1')
        add("12~1372640400~C000002");               // 5: duplicate of 1, uploaded later
        add("12~1372640400~C000000000000000000002"); // 6: ties with 1 and 5 on the first 24 bytes
        add("12~1372640400~C000000000000000000001"); // 7
        add("1");                                    // 8: shorter than a prefix
        add("1~");                                   // 9: after every "12~" ('~' > '2')
        add("12~1372640400~C000001");               // 10: duplicate of 2
        // hand-sorted: byte order of the keys, duplicates in upload order
        assertThat(rows.sortedOrder()).containsExactly(8, 7, 6, 2, 10, 1, 5, 4, 9, 3, 0);
    }

    @Test
    void sortsManyRowsLikeByteComparison() {
        // 5,000 keys in a scrambled order, some repeated, over several chunks: the order must match a stable sort by
        // bytes, and every row must read back from its chunk
        for (int i = 0; i < 5000; i++) {
            int n = (i * 7919) % 3001;
            add(n % 100 + "~" + (1372640400L + n * 3600L) + "~C" + (n % 13));
        }
        Integer[] expected = new Integer[keys.size()];
        Arrays.setAll(expected, i -> i);
        Arrays.sort(expected, (a, b) -> Bytes.BYTES_COMPARATOR.compare(bytes(keys.get(a)), bytes(keys.get(b))));
        assertThat(rows.sortedOrder()).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < keys.size(); i++) {
            assertThat(Bytes.toString(CellUtil.cloneRow(rows.cells(i)[0]))).isEqualTo(keys.get(i));
        }
    }

    @Test
    void givesBackEachRowsCellsAndComparesKeys() {
        add("4~1372640400~A", "v", "1", "calc", "0");
        add("4~1372640400~A", "va", "100");
        add("40~1372644000~A", "v", "5");
        Cell[] first = rows.cells(0);
        assertThat(first).hasSize(2);
        assertThat(Bytes.toString(CellUtil.cloneRow(first[0]))).isEqualTo("4~1372640400~A");
        assertThat(Bytes.toString(CellUtil.cloneQualifier(first[1]))).isEqualTo("calc");
        assertThat(Bytes.toString(CellUtil.cloneValue(first[1]))).isEqualTo("0");
        assertThat(first[1].getTimestamp()).isEqualTo(42L);
        assertThat(Bytes.toString(CellUtil.cloneValue(rows.cells(2)[0]))).isEqualTo("5");
        assertThat(rows.sameKey(0, 1)).isTrue();
        assertThat(rows.sameKey(0, 2)).isFalse();
    }

    private void add(String key, String... qualifiersAndValues) {
        List<KeyValue> cells = new ArrayList<>();
        String[] pairs = qualifiersAndValues.length == 0 ? new String[] {"v", "1"} : qualifiersAndValues;
        for (int i = 0; i < pairs.length; i += 2) {
            cells.add(new KeyValue(bytes(key), bytes("m"), bytes(pairs[i]), 42L, bytes(pairs[i + 1])));
        }
        rows.add(bytes(key), cells);
        keys.add(key);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

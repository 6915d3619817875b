package org.enma.loaders;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.Family;

/** Collects the cells of one row; a {@code null} value is no cell (missing values are absent, never empty). */
final class Cells {
    private final Put put;

    Cells(byte[] key) {
        this.put = new Put(key);
    }

    Cells add(Family family, String qualifier, String value) {
        if (value != null) {
            put.addColumn(family.bytes(), qualifier.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    Put put() {
        return put;
    }
}

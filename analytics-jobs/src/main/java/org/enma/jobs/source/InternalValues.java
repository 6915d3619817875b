package org.enma.jobs.source;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Map;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Java values as Spark holds them in a row: text as UTF-8, times in microseconds, dates in days, exact decimals, maps
 * with text keys.
 */
final class InternalValues {
    private InternalValues() {
    }

    static Object of(Object value, StructType schema, int column) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return UTF8String.fromString(s);
        }
        if (value instanceof Timestamp t) {
            return Math.floorDiv(t.getTime(), 1000L) * 1_000_000L + t.getNanos() / 1000;
        }
        if (value instanceof Date d) {
            return (int) d.toLocalDate().toEpochDay();
        }
        if (value instanceof Map<?, ?> map) {
            Object[] keys = new Object[map.size()];
            Object[] values = new Object[map.size()];
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                keys[i] = UTF8String.fromString(entry.getKey().toString());
                values[i++] = entry.getValue();
            }
            return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
        }
        if (value instanceof BigDecimal b) {
            DecimalType type = (DecimalType) schema.fields()[column].dataType();
            return Decimal.apply(b, type.precision(), type.scale());
        }
        return value;
    }
}

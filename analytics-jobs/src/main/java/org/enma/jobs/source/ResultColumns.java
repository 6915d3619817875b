package org.enma.jobs.source;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.enma.schema.EnmaException;
import org.enma.schema.Identifier;
import org.enma.schema.Month;

/**
 * The columns of a written-back analytic: {@code contractId} (text) and {@code month} (YYYYMM as a number or text,
 * or a date within the month) say whose result a row is; every other column becomes a result field. Results hold
 * what MongoDB and the HBase mirror both read back the same: numbers, text, and lists of them — so integers stay
 * integers, decimals and floats become doubles, dates and timestamps ISO text; a null leaves the field out. Anything
 * else (booleans, maps, structs, binary) is refused by column name before anything is written.
 */
final class ResultColumns implements Serializable {
    static final Set<String> RESERVED = Set.of("_id", "companyId", "setupId");

    private final StructType schema;
    private final int contract;
    private final int month;

    ResultColumns(StructType schema) {
        this.schema = schema;
        this.contract = required(schema, SourceTable.CONTRACT_ID, Set.of(DataTypes.StringType), "text");
        this.month = required(schema, SourceTable.MONTH, Set.of(DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.StringType, DataTypes.DateType), "YYYYMM as a number or text, or a date");
        for (StructField field : schema.fields()) {
            if (RESERVED.contains(field.name())) {
                throw new EnmaException("enma write: column " + field.name() + " is set by ENMA itself; rename it");
            }
            if (!field.name().equals(SourceTable.CONTRACT_ID) && !field.name().equals(SourceTable.MONTH)
                    && !storable(field.dataType(), true)) {
                throw new EnmaException("enma write: column " + field.name() + " is " + field.dataType()
                        .simpleString() + "; a result field is a number, text, a date or timestamp (as text), or an"
                        + " array of these");
            }
        }
    }

    /** One row's result: its contract, its month and its fields in column order. */
    record Row(String contractId, Month month, LinkedHashMap<String, Object> fields) implements Serializable {
    }

    Row of(InternalRow row) {
        if (row.isNullAt(contract) || row.isNullAt(month)) {
            throw new EnmaException("enma write: a row has no " + (row.isNullAt(contract) ? SourceTable.CONTRACT_ID
                    : SourceTable.MONTH) + "; every result names its contract and month");
        }
        String contractId = Identifier.require(SourceTable.CONTRACT_ID, row.getUTF8String(contract).toString());
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            if (i != contract && i != month && !row.isNullAt(i)) {
                fields.put(schema.fields()[i].name(), value(row, i, schema.fields()[i].dataType()));
            }
        }
        return new Row(contractId, monthOf(row), fields);
    }

    private Month monthOf(InternalRow row) {
        DataType type = schema.fields()[month].dataType();
        if (type == DataTypes.DateType) {
            LocalDate date = LocalDate.ofEpochDay(row.getInt(month));
            return Month.of(date.getYear(), date.getMonthValue());
        }
        String text = type == DataTypes.StringType ? row.getUTF8String(month).toString()
                : type == DataTypes.IntegerType ? Integer.toString(row.getInt(month))
                : Long.toString(row.getLong(month));
        return Month.parse(text);
    }

    private static Object value(SpecializedGetters row, int i, DataType type) {
        if (type == DataTypes.StringType) {
            return row.getUTF8String(i).toString();
        }
        if (type == DataTypes.IntegerType || type == DataTypes.ShortType || type == DataTypes.ByteType) {
            return type == DataTypes.IntegerType ? row.getInt(i) : type == DataTypes.ShortType ? (int) row.getShort(i)
                    : (int) row.getByte(i);
        }
        if (type == DataTypes.LongType) {
            return row.getLong(i);
        }
        if (type == DataTypes.DoubleType) {
            return row.getDouble(i);
        }
        if (type == DataTypes.FloatType) {
            return (double) row.getFloat(i);
        }
        if (type instanceof DecimalType d) {
            return row.getDecimal(i, d.precision(), d.scale()).toDouble();
        }
        if (type == DataTypes.DateType) {
            return LocalDate.ofEpochDay(row.getInt(i)).toString();
        }
        if (type == DataTypes.TimestampType) {
            return DateTimeUtils.microsToInstant(row.getLong(i)).toString();
        }
        ArrayData array = row.getArray(i);
        DataType element = ((ArrayType) type).elementType();
        List<Object> values = new ArrayList<>(array.numElements());
        for (int e = 0; e < array.numElements(); e++) {
            values.add(array.isNullAt(e) ? null : value(array, e, element));
        }
        return values;
    }

    private static boolean storable(DataType type, boolean arrays) {
        return type == DataTypes.StringType || type == DataTypes.IntegerType || type == DataTypes.ShortType
                || type == DataTypes.ByteType || type == DataTypes.LongType || type == DataTypes.DoubleType
                || type == DataTypes.FloatType || type instanceof DecimalType || type == DataTypes.DateType
                || type == DataTypes.TimestampType
                || arrays && type instanceof ArrayType a && storable(a.elementType(), false);
    }

    private static int required(StructType schema, String column, Set<DataType> types, String what) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.fields()[i].name().equals(column)) {
                if (!types.contains(schema.fields()[i].dataType())) {
                    throw new EnmaException("enma write: column " + column + " is "
                            + schema.fields()[i].dataType().simpleString() + "; it must be " + what);
                }
                return i;
            }
        }
        throw new EnmaException("enma write: column " + column + " is missing; every result row names its "
                + SourceTable.CONTRACT_ID + " and " + SourceTable.MONTH + " (columns: "
                + String.join(", ", schema.fieldNames()) + ")");
    }
}

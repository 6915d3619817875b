package org.enma.loaders;

import org.enma.schema.EnmaException;
import org.enma.schema.Identifier;

/** One data row: its fields by column name. An empty cell is "no value". */
final class Row {
    private final Header header;
    private final String[] fields;

    Row(Header header, String[] fields) {
        this.header = header;
        this.fields = fields;
    }

    /** The value of {@code column}, or {@code null} when the column is absent or the cell is empty. */
    String value(String column) {
        int i = header.indexOf(column);
        if (i < 0 || fields[i].isEmpty()) {
            return null;
        }
        return fields[i];
    }

    /** A required value. */
    String required(String column) throws RowRejected {
        String v = value(column);
        if (v == null) {
            throw new RowRejected(column + " is empty");
        }
        return v;
    }

    /** A required identifier: non-empty, at most 64 characters, no '~', no control characters. */
    String identifier(String column) throws RowRejected {
        return identifier(column, required(column));
    }

    /** An optional identifier, checked when present. */
    String optionalIdentifier(String column) throws RowRejected {
        String v = value(column);
        return v == null ? null : identifier(column, v);
    }

    private static String identifier(String column, String value) throws RowRejected {
        try {
            return Identifier.require(column, value);
        } catch (EnmaException e) {
            throw new RowRejected(e.getMessage());
        }
    }

    /** An optional number, as plain decimal text; {@code null} when empty. */
    String number(String column) throws RowRejected {
        String v = value(column);
        return v == null ? null : UploadedNumber.parse(column, v);
    }

    Header header() {
        return header;
    }
}

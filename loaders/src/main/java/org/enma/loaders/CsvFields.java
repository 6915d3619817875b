package org.enma.loaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The fields of one record. A record without a quote character is split on commas directly (RFC 4180 gives commas
 * no other meaning there, and most meter rows look like that); a record with quotes goes through commons-csv.
 */
final class CsvFields {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvFields() {
    }

    static String[] split(String record) throws RowRejected {
        if (record.indexOf('"') < 0) {
            return splitPlain(record);
        }
        try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new RowRejected("malformed quoting: the row reads as " + records.size() + " records");
            }
            return records.get(0).values();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RowRejected("malformed quoting: " + e.getMessage());
        }
    }

    private static String[] splitPlain(String record) {
        List<String> fields = new ArrayList<>(8);
        int from = 0;
        for (int i = 0; i < record.length(); i++) {
            if (record.charAt(i) == ',') {
                fields.add(record.substring(from, i));
                from = i + 1;
            }
        }
        fields.add(record.substring(from));
        return fields.toArray(new String[0]);
    }
}

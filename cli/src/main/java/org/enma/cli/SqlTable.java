package org.enma.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Rows of a SQL result as text: an aligned table with a header, or CSV (RFC 4180 quoting). */
final class SqlTable {
    private final List<String> columns;
    private final List<List<String>> cells = new ArrayList<>();

    SqlTable(List<String> columns, List<Row> rows) {
        this.columns = columns;
        for (Row row : rows) {
            cells.add(texts(row));
        }
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : cells) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println(line(columns, widths));
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        out.println(line(rule, widths));
        cells.forEach(row -> out.println(line(row, widths)));
    }

    static void csv(List<String> columns, List<Row> rows, PrintWriter out) {
        out.println(csvLine(columns));
        rows.forEach(row -> out.println(csvLine(texts(row))));
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < values.size(); c++) {
            line.append(c == 0 ? "" : "  ").append(values.get(c));
            if (c < values.size() - 1) {
                line.append(" ".repeat(widths[c] - values.get(c).length()));
            }
        }
        return line.toString();
    }

    private static String csvLine(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", quoted);
    }

    /** Every value as Spark's own {@code show()} writes it, {@code NULL} for none. */
    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>(row.length());
        for (int i = 0; i < row.length(); i++) {
            texts.add(row.isNullAt(i) ? "NULL" : String.valueOf(row.get(i)));
        }
        return texts;
    }
}

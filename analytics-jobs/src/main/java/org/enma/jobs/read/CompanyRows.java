package org.enma.jobs.read;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;

/**
 * Reads one company's rows of a company-keyed table on the driver: for {@code tariffs}, whose rows are tariff
 * definitions (a few hundred a company, broadcast by {@code tariffId}), never per contract. A per-contract table is
 * read as Spark data ({@link RangeScan}).
 */
public final class CompanyRows {
    /** One row: its key and its cells by qualifier name (any family). */
    public record Row(byte[] key, Map<String, String> cells) implements Serializable {
    }

    private CompanyRows() {
    }

    public static List<Row> read(Connection hbase, TableName table, CompanyId company) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Table t = hbase.getTable(table);
             ResultScanner scanner = t.getScanner(new Scan().setRowPrefixFilter(CompanyKey.prefix(company))
                     .setCaching(MeasureScan.CACHING))) {
            for (Result result : scanner) {
                rows.add(rowOf(result));
            }
        }
        return rows;
    }

    static Row rowOf(Result result) {
        return new Row(result.getRow(), RangeScan.cellsOf(result));
    }
}

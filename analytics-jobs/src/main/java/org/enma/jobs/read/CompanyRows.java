package org.enma.jobs.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;

/**
 * Reads one company's rows of a company-keyed table ({@code customers}, {@code stations}, {@code tariffs}: every key
 * starts with {@code <companyId>~}) on the driver: these tables are small next to the measures.
 */
public final class CompanyRows {
    /** One row: its key and its cells by qualifier name (any family). */
    public record Row(byte[] key, Map<String, String> cells) {
    }

    private CompanyRows() {
    }

    public static List<Row> read(Connection hbase, TableName table, CompanyId company) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Table t = hbase.getTable(table);
             ResultScanner scanner = t.getScanner(new Scan().setRowPrefixFilter(CompanyKey.prefix(company))
                     .setCaching(MeasureScan.CACHING))) {
            for (Result result : scanner) {
                Map<String, String> cells = new HashMap<>();
                for (NavigableMap<byte[], byte[]> family : result.getNoVersionMap().values()) {
                    family.forEach((q, v) -> cells.put(new String(q, StandardCharsets.UTF_8),
                            new String(v, StandardCharsets.UTF_8)));
                }
                rows.add(new Row(result.getRow(), cells));
            }
        }
        return rows;
    }
}

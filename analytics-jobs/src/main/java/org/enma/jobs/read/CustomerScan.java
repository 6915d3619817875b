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

/** Reads one company's rows of {@code customers} (a prefix scan on {@code <companyId>~}). */
final class CustomerScan {
    private CustomerScan() {
    }

    static List<Customer> read(Connection hbase, TableName table, CompanyId company) throws IOException {
        List<Customer> customers = new ArrayList<>();
        try (Table t = hbase.getTable(table);
             ResultScanner scanner = t.getScanner(new Scan().setRowPrefixFilter(CompanyKey.prefix(company))
                     .setCaching(MeasureScan.CACHING))) {
            for (Result row : scanner) {
                Map<String, String> attributes = new HashMap<>();
                for (NavigableMap<byte[], byte[]> family : row.getNoVersionMap().values()) {
                    family.forEach((q, v) -> attributes.put(new String(q, StandardCharsets.UTF_8),
                            new String(v, StandardCharsets.UTF_8)));
                }
                customers.add(new Customer(CompanyKey.decode(row.getRow()).id(), attributes));
            }
        }
        return customers;
    }
}

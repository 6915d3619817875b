package org.enma.store;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;
import org.enma.schema.TableNames;

/**
 * Reads a period table (written by {@code enma rollup}): one contract's periods, or the company totals, of one kind
 * between two local times — one short range scan of one family, since a contract's rows are together and in time
 * order.
 */
public final class PeriodReader {
    private final Connection hbase;
    private final TableNames names;

    /** One period: its local start and its cells (qualifier → text). */
    public record Item(LocalDateTime start, Map<String, String> cells) {
    }

    public PeriodReader(Connection hbase, TableNames names) {
        this.hbase = hbase;
        this.names = names;
    }

    /**
     * The periods of {@code contractId} ("" for the company total) of the consumption table {@code type} starting in
     * {@code [from, to)}, in time order, at most {@code limit}; empty when there is no period table yet (no rollup has
     * run for the company and type).
     */
    public Optional<List<Item>> periods(CompanyId company, String type, String contractId, Period period,
                                        LocalDateTime from, LocalDateTime to, int limit) throws IOException {
        EnmaTable table = EnmaTable.periodsOf(EnmaTable.measuresOf(type, company));
        byte[] family = period.family().bytes();
        Scan scan = new Scan().withStartRow(new PeriodKey(contractId, from).encode())
                .withStopRow(new PeriodKey(contractId, to).encode()).addFamily(family).setLimit(limit)
                .setCaching(Math.min(limit, 1000));
        List<Item> items = new ArrayList<>();
        try (Table t = hbase.getTable(names.of(table)); ResultScanner scanner = t.getScanner(scan)) {
            for (Result row : scanner) {
                Map<String, String> cells = new TreeMap<>();
                row.getFamilyMap(family).forEach((q, v) -> cells.put(Bytes.toString(q), Bytes.toString(v)));
                items.add(new Item(PeriodKey.decode(row.getRow()).start(), cells));
            }
        } catch (IOException | RuntimeException e) {
            if (MissingTable.causes(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(items);
    }
}

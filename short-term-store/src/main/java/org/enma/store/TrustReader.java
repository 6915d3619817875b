package org.enma.store;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.TableNames;
import org.enma.schema.TrustKey;

/**
 * Reads a trust table (written by {@code enma validate}): one contract's days, or the company's, between two local
 * dates — one short range scan, since a contract's rows are together and in day order — or every contract's days.
 * A company or type never validated has no trust table: its days are none.
 */
public final class TrustReader {
    private static final byte[] T = Family.T.bytes();
    private static final byte[] R = Family.R.bytes();

    private final Connection hbase;
    private final TableNames names;

    /** One contract-day (or the company's day): its counters of family {@code t}, its rule counts of family {@code r}. */
    public record Day(String contractId, LocalDate day, Map<String, String> counters, Map<String, String> rules) {
    }

    public TrustReader(Connection hbase, TableNames names) {
        this.hbase = hbase;
        this.names = names;
    }

    /**
     * The days {@code from} … {@code to} of {@code contractId} ("" for the company's) in the trust table of the
     * consumption table {@code type}, in day order, at most {@code limit}.
     */
    public List<Day> days(CompanyId company, String type, String contractId, LocalDate from, LocalDate to, int limit)
            throws IOException {
        Scan scan = new Scan().withStartRow(new TrustKey(contractId, from).encode())
                .withStopRow(new TrustKey(contractId, to.plusDays(1)).encode()).setLimit(limit)
                .setCaching(Math.min(limit, 1000));
        List<Day> days = new ArrayList<>();
        scan(company, type, scan, days::add);
        return days;
    }

    /** Every contract's days {@code from} … {@code to} (not the company's), in key order. */
    public void eachContractDay(CompanyId company, String type, LocalDate from, LocalDate to, Consumer<Day> each)
            throws IOException {
        scan(company, type, new Scan().setCaching(1000), day -> {
            if (!day.contractId().isEmpty() && !day.day().isBefore(from) && !day.day().isAfter(to)) {
                each.accept(day);
            }
        });
    }

    private void scan(CompanyId company, String type, Scan scan, Consumer<Day> each) throws IOException {
        EnmaTable table = EnmaTable.trustOf(EnmaTable.measuresOf(type, company));
        try (Table t = hbase.getTable(names.of(table)); ResultScanner scanner = t.getScanner(scan)) {
            for (Result row : scanner) {
                TrustKey key = TrustKey.decode(row.getRow());
                each.accept(new Day(key.contractId(), key.day(), texts(row.getFamilyMap(T)),
                        texts(row.getFamilyMap(R))));
            }
        } catch (IOException | RuntimeException e) {
            // nothing validated, nothing to read; the scanner may say so late, and wrapped
            if (!MissingTable.causes(e)) {
                throw e;
            }
        }
    }

    private static Map<String, String> texts(Map<byte[], byte[]> cells) {
        Map<String, String> texts = new TreeMap<>();
        if (cells != null) {
            cells.forEach((q, v) -> texts.put(Bytes.toString(q), Bytes.toString(v)));
        }
        return texts;
    }
}

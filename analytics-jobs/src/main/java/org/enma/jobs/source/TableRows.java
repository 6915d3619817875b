package org.enma.jobs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.spark.sql.connector.read.InputPartition;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.enma.jobs.read.CompanyRows;
import org.enma.jobs.read.MappedIterator;
import org.enma.jobs.read.PeriodRowsRead;
import org.enma.jobs.read.RangeScan;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.ValueRows;
import org.enma.schema.CompanyKey;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;
import org.enma.schema.KeyRange;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;
import org.enma.schema.ResultKey;
import org.enma.schema.StationColumns;
import org.enma.schema.TariffColumns;
import org.enma.schema.TariffKey;
import org.enma.schema.TrustColumns;
import org.enma.schema.TrustKey;
import org.enma.store.ResultReader;

/**
 * Reads the tables that are no bucketed time series as values in the order of {@link SourceTable#schema()}, streaming:
 * a period table's salt or contract, and one region's share of a company's customers, stations or tariffs, or of a
 * result mirror (the company's results, MongoDB's copies aside: the mirror holds every month).
 */
final class TableRows {
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    /** The fields every result document starts with; the rest is the analytic's own. */
    private static final Set<String> RESULT_IDENTITY = Set.of("_id", "contractId", "companyId", "month", "setupId");

    private TableRows() {
    }

    static ValueRows read(ReadContext context, RowsPartition partition) throws IOException {
        SourceTable table = context.table();
        return PeriodRowsRead.read(context.endpoints(), context.hbaseTable(), partition.prefix(), partition.periods(),
                table.tariffPeriods(), context.zone());
    }

    static ValueRows read(ReadContext context, RangePartition partition) throws IOException {
        SourceTable table = context.table();
        Connection hbase = SharedConnections.of(context.endpoints());
        TableName name = TableName.valueOf(context.hbaseTable());
        if (table.kind() == SourceTable.Kind.RESULTS) {
            RowFilter company = new RowFilter(CompareOperator.EQUAL,
                    new RegexStringComparator(ResultKey.companyPattern(table.company())));
            Iterator<CompanyRows.Row> rows = RangeScan.read(hbase, name, partition.slice(), List.of(), company);
            return ValueRows.of(MappedIterator.of(rows, TableRows::result));
        }
        Function<CompanyRows.Row, Object[]> values = switch (table.kind()) {
            case CUSTOMERS -> row -> company(row, table, new Object[] {CompanyKey.decode(row.key()).id()},
                    CustomerColumns.names());
            case STATIONS -> row -> company(row, table, new Object[] {CompanyKey.decode(row.key()).id()},
                    StationColumns.ALL);
            case TRUST -> TableRows::trust;
            case TARIFFS -> row -> {
                TariffKey t = TariffKey.decode(row.key());
                return company(row, table, new Object[] {t.tariffId(), Date.valueOf(t.flatRateStart()),
                    Date.valueOf(t.flatRateEnd()), Date.valueOf(t.energyCostStart()), Date.valueOf(t.energyCostEnd()),
                    t.periodKey()}, TariffColumns.ALL);
            };
            default -> throw new IllegalStateException(table.kind() + " is not read by key range");
        };
        return ValueRows.of(MappedIterator.of(RangeScan.read(hbase, name, partition.slice(), List.of(), null), values));
    }

    /** One partition per region holding the table's rows of the company (for a mirror: any of its rows). */
    static List<InputPartition> regions(ReadContext context) {
        SourceTable table = context.table();
        Connection hbase = SharedConnections.of(context.endpoints());
        TableName name = TableName.valueOf(context.hbaseTable());
        List<InputPartition> parts = new ArrayList<>();
        try {
            if (table.kind() == SourceTable.Kind.RESULTS || table.kind() == SourceTable.Kind.TRUST) {
                try (Admin admin = hbase.getAdmin()) {
                    if (!admin.tableExists(name)) {
                        return parts;
                    }
                }
            }
            // a result mirror holds every company's rows (filtered as they are read), a trust table only its company's
            KeyRange range = table.kind() == SourceTable.Kind.RESULTS ? ResultKey.everyKey()
                    : table.kind() == SourceTable.Kind.TRUST ? TrustKey.everyKey()
                    : CompanyKey.range(table.company());
            RangeScan.slices(hbase, name, range).forEach(slice -> parts.add(new RangePartition(slice)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the regions of " + name + ": " + e.getMessage(), e);
        }
        return parts;
    }

    /** A company's row of a company-keyed table: the key's parts, then one value per cell column. */
    private static Object[] company(CompanyRows.Row row, SourceTable table, Object[] key, List<String> columns) {
        Object[] values = Arrays.copyOf(key, key.length + columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String text = row.cells().get(columns.get(i));
            values[key.length + i] = text != null && table.kind() == SourceTable.Kind.TARIFFS
                    && SourceTable.isTariffNumber(columns.get(i)) ? number(row.key(), columns.get(i), text) : text;
        }
        return values;
    }

    private static Double number(byte[] key, String column, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EnmaException("tariffs row " + new String(key, StandardCharsets.UTF_8) + ": m:" + column
                    + " is \"" + text + "\", not a number");
        }
    }

    /**
     * A trust row: contract ("" for the company's day), date, the counters, {@code contracts} (company rows) and the
     * rule counts as a map. A counter that is not a whole number fails the read, naming the row.
     */
    private static Object[] trust(CompanyRows.Row row) {
        TrustKey key = TrustKey.decode(row.key());
        List<String> counters = SourceTable.TRUST_COUNTERS;
        Object[] values = new Object[counters.size() + 4];
        values[0] = key.contractId();
        values[1] = Date.valueOf(key.day());
        Map<String, Long> rules = new TreeMap<>();
        row.cells().forEach((qualifier, text) -> {
            if (!counters.contains(qualifier) && !qualifier.equals(TrustColumns.CONTRACTS)) {
                rules.put(qualifier, count(row.key(), qualifier, text));
            }
        });
        for (int i = 0; i < counters.size(); i++) {
            values[2 + i] = count(row.key(), counters.get(i), row.cells().getOrDefault(counters.get(i), "0"));
        }
        String contracts = row.cells().get(TrustColumns.CONTRACTS);
        values[counters.size() + 2] = contracts == null ? null : count(row.key(), TrustColumns.CONTRACTS, contracts);
        values[counters.size() + 3] = rules;
        return values;
    }

    private static long count(byte[] key, String column, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new EnmaException("trust row " + new String(key, StandardCharsets.UTF_8) + ": " + column + " is \""
                    + text + "\", not a whole number");
        }
    }

    /** A result: contract, month, setup, and the analytic's own fields as JSON. */
    private static Object[] result(CompanyRows.Row row) {
        Document doc = ResultReader.documentOf(row.key(), row.cells());
        Document fields = new Document();
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            if (!RESULT_IDENTITY.contains(field.getKey())) {
                fields.append(field.getKey(), field.getValue());
            }
        }
        return new Object[] {doc.getString("contractId"), doc.getInteger("month"), doc.getString("setupId"),
            fields.toJson(JSON)};
    }

    /** A prefix of every salt of a period table: one partition each. */
    static List<RowsPartition> salts(Set<Period> periods) {
        List<RowsPartition> parts = new ArrayList<>();
        for (int salt = 0; salt < PeriodKey.SALTS; salt++) {
            parts.add(new RowsPartition(PeriodKey.saltPrefix(salt), periods));
        }
        return parts;
    }
}

package org.enma.jobs.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.enma.jobs.read.CompanyRows;
import org.enma.jobs.read.PeriodRowsRead;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.ValueRows;
import org.enma.schema.CompanyKey;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;
import org.enma.schema.StationColumns;
import org.enma.schema.TariffColumns;
import org.enma.schema.TariffKey;
import org.enma.store.MongoStore;
import org.enma.store.ResultReader;

/**
 * Reads the tables that are no bucketed time series as values in the order of {@link SourceTable#schema()}: a period
 * table's salt or contract streaming, and customers, stations, tariffs and a company's results whole (these are small
 * next to the measures).
 */
final class TableRows {
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    /** The fields every result document starts with; the rest is the analytic's own. */
    private static final Set<String> RESULT_IDENTITY = Set.of("_id", "contractId", "companyId", "month", "setupId");

    private TableRows() {
    }

    static ValueRows read(ReadContext context, RowsPartition partition) throws IOException {
        SourceTable table = context.table();
        Connection hbase = SharedConnections.of(context.endpoints());
        TableName name = TableName.valueOf(context.hbaseTable());
        return table.kind() == SourceTable.Kind.PERIODS ? PeriodRowsRead.read(context.endpoints(),
                context.hbaseTable(), partition.prefix(), partition.periods(), table.tariffPeriods(), context.zone())
                : ValueRows.of(whole(context, hbase, name));
    }

    private static List<Object[]> whole(ReadContext context, Connection hbase, TableName name) throws IOException {
        SourceTable table = context.table();
        return switch (table.kind()) {
            case CUSTOMERS -> company(hbase, name, table, key -> new Object[] {CompanyKey.decode(key).id()},
                    CustomerColumns.names());
            case STATIONS -> company(hbase, name, table, key -> new Object[] {CompanyKey.decode(key).id()},
                    StationColumns.ALL);
            case TARIFFS -> company(hbase, name, table, key -> {
                TariffKey t = TariffKey.decode(key);
                return new Object[] {t.tariffId(), Date.valueOf(t.flatRateStart()), Date.valueOf(t.flatRateEnd()),
                    Date.valueOf(t.energyCostStart()), Date.valueOf(t.energyCostEnd()), t.periodKey()};
            }, TariffColumns.ALL);
            case RESULTS -> results(context);
            default -> throw new IllegalStateException(table.kind() + " is not read whole");
        };
    }

    /** A company's rows of a company-keyed table: the key's parts, then one value per cell column. */
    private static List<Object[]> company(Connection hbase, TableName name, SourceTable table,
                                          Function<byte[], Object[]> keyValues, List<String> columns)
            throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (CompanyRows.Row row : CompanyRows.read(hbase, name, table.company())) {
            Object[] key = keyValues.apply(row.key());
            Object[] values = Arrays.copyOf(key, key.length + columns.size());
            for (int i = 0; i < columns.size(); i++) {
                String text = row.cells().get(columns.get(i));
                values[key.length + i] = text != null && table.kind() == SourceTable.Kind.TARIFFS
                        && SourceTable.isTariffNumber(columns.get(i)) ? number(row.key(), columns.get(i), text) : text;
            }
            rows.add(values);
        }
        return rows;
    }

    private static Double number(byte[] key, String column, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EnmaException("tariffs row " + new String(key, StandardCharsets.UTF_8) + ": m:" + column
                    + " is \"" + text + "\", not a number");
        }
    }

    /** A company's results: MongoDB's, and the mirror's for the months MongoDB no longer holds. */
    private static List<Object[]> results(ReadContext context) throws IOException {
        SourceTable table = context.table();
        try (MongoStore mongo = MongoStore.open(context.endpoints().mongoUri(), context.endpoints().mongoDatabase())) {
            ResultReader reader = new ResultReader(mongo.database(), SharedConnections.of(context.endpoints()),
                    context.names());
            List<Object[]> rows = new ArrayList<>();
            for (Document doc : reader.company(table.ot(), table.company())) {
                Document fields = new Document();
                for (Map.Entry<String, Object> field : doc.entrySet()) {
                    if (!RESULT_IDENTITY.contains(field.getKey())) {
                        fields.append(field.getKey(), field.getValue());
                    }
                }
                rows.add(new Object[] {doc.getString("contractId"), doc.getInteger("month"), doc.getString("setupId"),
                    fields.toJson(JSON)});
            }
            return rows;
        }
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

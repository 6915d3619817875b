package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.TableNames;

/**
 * Reads results as the portal and {@code enma results} see them: from the MongoDB short-term collection, and from the
 * HBase mirror for the months MongoDB no longer holds — those before the collection's purge mark ({@link Retention}),
 * so a month that simply has no results costs no HBase read. Either way a result is the same document:
 * {@code _id} (the key), {@code contractId}, {@code companyId}, {@code month}, {@code setupId}, then its fields in
 * name order.
 * Documents come in key order: month, contract, setup.
 */
public final class ResultReader {
    private final MongoDatabase mongo;
    private final Connection hbase;
    private final TableNames names;
    private final Retention retention;
    private final Set<TableName> knownMirrors = ConcurrentHashMap.newKeySet();

    public ResultReader(MongoDatabase mongo, Connection hbase, TableNames names) {
        this.mongo = mongo;
        this.hbase = hbase;
        this.names = names;
        this.retention = new Retention(mongo);
    }

    /** One contract's results for the months {@code from} … {@code to}. */
    public List<Document> contract(String ot, CompanyId company, String contractId, Month from, Month to)
            throws IOException {
        List<Document> found = find(ot, Filters.and(Filters.eq("companyId", company.asNumber()),
                Filters.eq("contractId", contractId), Filters.gte("month", from.asNumber()),
                Filters.lte("month", to.asNumber())), 0, Integer.MAX_VALUE);
        Optional<Month> firstHeld = retention.firstHeld(ResultSink.collectionOf(ot));
        if (firstHeld.isPresent() && from.compareTo(firstHeld.get()) < 0) {
            Set<Integer> inMongo = new HashSet<>();
            found.forEach(d -> inMongo.add(d.getInteger("month")));
            List<byte[]> purged = new ArrayList<>();
            for (Month m = from; m.compareTo(to) <= 0 && m.compareTo(firstHeld.get()) < 0; m = m.plusMonths(1)) {
                if (!inMongo.contains(m.asNumber())) {
                    purged.add(ResultKey.prefix(m, company, contractId));
                }
            }
            found.addAll(mirror(ot, purged));
            found.sort(Comparator.comparing(d -> d.getString("_id")));
        }
        return found;
    }

    /** A page of results: its documents, and how many there are in all. */
    public record Page(List<Document> items, long total) {
    }

    /**
     * A page of a company's results for one month, of one setup or of every one: {@code skip} documents skipped, at
     * most {@code limit}.
     */
    public Page month(String ot, CompanyId company, Month month, Optional<String> setupId, int skip, int limit)
            throws IOException {
        Optional<Month> firstHeld = retention.firstHeld(ResultSink.collectionOf(ot));
        if (firstHeld.isPresent() && month.compareTo(firstHeld.get()) < 0) {
            List<Document> all = scan(ot, new Scan().setRowPrefixFilter(ResultKey.prefix(month, company)));
            // a purged month is read whole to count it: the mirror is the archive, not the portal's everyday path
            all.removeIf(d -> setupId.isPresent() && !setupId.get().equals(d.getString("setupId")));
            return new Page(all.subList(Math.min(skip, all.size()), Math.min(skip + limit, all.size())),
                    all.size());
        }
        Bson filter = Filters.and(Filters.eq("companyId", company.asNumber()), Filters.eq("month",
                month.asNumber()));
        if (setupId.isPresent()) {
            filter = Filters.and(filter, Filters.eq("setupId", setupId.get()));
        }
        return new Page(find(ot, filter, skip, limit), collection(ot).countDocuments(filter));
    }

    /**
     * Every result of a company, any month: MongoDB's, then the mirror's of the months MongoDB no longer holds (one
     * scan of the mirror up to the first month held, filtered by company in the region server). In key order within
     * each store.
     */
    public List<Document> company(String ot, CompanyId company) throws IOException {
        List<Document> found = find(ot, Filters.eq("companyId", company.asNumber()), 0, Integer.MAX_VALUE);
        Optional<Month> firstHeld = retention.firstHeld(ResultSink.collectionOf(ot));
        if (firstHeld.isPresent()) {
            List<Document> purged = scan(ot, new Scan().withStopRow(ResultKey.monthStart(firstHeld.get()))
                    .setFilter(new RowFilter(CompareOperator.EQUAL, new RegexStringComparator(
                            ResultKey.companyPattern(company)))));
            // a month MongoDB still holds (a purge under way) is MongoDB's
            Set<Object> inMongo = new HashSet<>();
            found.forEach(d -> inMongo.add(d.get("_id")));
            purged.removeIf(d -> inMongo.contains(d.get("_id")));
            purged.addAll(found);
            return purged;
        }
        return found;
    }

    private MongoCollection<Document> collection(String ot) {
        return mongo.getCollection(ResultSink.collectionOf(ot));
    }

    private List<Document> find(String ot, Bson filter, int skip, int limit) {
        List<Document> found = new ArrayList<>();
        for (Document doc : collection(ot).find(filter).sort(Sorts.ascending("_id")).skip(skip).limit(limit)) {
            found.add(inFieldOrder(doc));
        }
        return found;
    }

    /**
     * The identity fields, then the result fields in name order: HBase returns qualifiers sorted, so documents from
     * either store are ordered the same way and print the same.
     */
    private static Document inFieldOrder(Document doc) {
        Document ordered = ResultDocument.identity(ResultKey.decode(doc.getString("_id")
                .getBytes(StandardCharsets.UTF_8)));
        new TreeMap<>(doc).forEach((name, value) -> {
            if (!ordered.containsKey(name)) {
                ordered.append(name, value);
            }
        });
        return ordered;
    }

    /**
     * The mirror's rows under {@code prefixes} (in key order), in one scan: the region server seeks from one prefix to
     * the next, so a contract's twelve purged months cost one scanner, not twelve. No mirror table: no rows.
     */
    private List<Document> mirror(String ot, List<byte[]> prefixes) throws IOException {
        List<Document> documents = new ArrayList<>();
        if (prefixes.isEmpty()) {
            return documents;
        }
        Scan scan;
        if (prefixes.size() == 1) {
            scan = new Scan().setRowPrefixFilter(prefixes.get(0));
        } else {
            List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
            for (byte[] prefix : prefixes) {
                ranges.add(new MultiRowRangeFilter.RowRange(prefix, true,
                        new Scan().setStartStopRowForPrefixScan(prefix).getStopRow(), false));
            }
            scan = new Scan().setFilter(new MultiRowRangeFilter(ranges));
        }
        return scan(ot, scan);
    }

    private List<Document> scan(String ot, Scan scan) throws IOException {
        List<Document> documents = new ArrayList<>();
        TableName table = names.of(EnmaTable.results(ot));
        if (!mirrorExists(table)) {
            return documents;
        }
        try (Table t = hbase.getTable(table); ResultScanner scanner = t.getScanner(scan)) {
            for (Result row : scanner) {
                documents.add(documentOf(row));
            }
        }
        return documents;
    }

    /** Whether the mirror table exists; asked of the master until it does, then remembered (mirrors are not dropped). */
    private boolean mirrorExists(TableName table) throws IOException {
        if (knownMirrors.contains(table)) {
            return true;
        }
        try (Admin admin = hbase.getAdmin()) {
            if (admin.tableExists(table)) {
                knownMirrors.add(table);
                return true;
            }
        }
        return false;
    }

    private static Document documentOf(Result row) {
        Map<String, String> cells = new TreeMap<>();
        for (Cell cell : row.rawCells()) {
            cells.put(new String(CellUtil.cloneQualifier(cell), StandardCharsets.UTF_8),
                    new String(CellUtil.cloneValue(cell), StandardCharsets.UTF_8));
        }
        return documentOf(row.getRow(), cells);
    }

    /**
     * The document a mirror row holds: its key's identity fields, then its cells (qualifier → text) as result fields,
     * in qualifier order as HBase returns them.
     */
    public static Document documentOf(byte[] key, Map<String, String> cells) {
        Document doc = ResultDocument.identity(ResultKey.decode(key));
        new TreeMap<>(cells).forEach((name, text) -> doc.append(name, MirrorValues.value(text)));
        return doc;
    }
}

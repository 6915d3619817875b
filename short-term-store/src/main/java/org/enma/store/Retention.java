package org.enma.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.enma.schema.Month;

/**
 * The short-term side of the data model: MongoDB keeps the last N months of results (the current month included),
 * HBase keeps everything. Purging removes older documents from every {@code OTnnnResults} collection; the readers
 * then serve those months from the HBase mirror.
 */
public final class Retention {
    private static final Pattern RESULT_COLLECTION = Pattern.compile("OT[0-9]{3}Results");

    private final MongoDatabase mongo;

    public Retention(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    /** The first month kept when {@code months} months are kept in {@code now}'s month. */
    public static Month firstKept(YearMonth now, int months) {
        return new Month(now.minusMonths(months - 1L));
    }

    /** Removes every result of a month before {@code firstKept}; the count removed per collection. */
    public Map<String, Long> purgeBefore(Month firstKept) {
        Map<String, Long> removed = new TreeMap<>();
        for (String name : mongo.listCollectionNames()) {
            if (RESULT_COLLECTION.matcher(name).matches()) {
                removed.put(name, mongo.getCollection(name)
                        .deleteMany(Filters.lt("month", firstKept.asNumber())).getDeletedCount());
            }
        }
        return removed;
    }
}

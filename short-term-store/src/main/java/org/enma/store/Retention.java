package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.enma.schema.Month;

/**
 * The short-term side of the data model: MongoDB keeps the last N months of results (the current month included),
 * HBase keeps everything. Purging removes older documents from every {@code OTnnnResults} collection; the readers
 * then serve those months from the HBase mirror.
 */
public final class Retention {
    /** Per result collection, the month before which everything was purged: {@code {_id, purgedBefore}}. */
    public static final String COLLECTION = "retention";
    private static final String PURGED_BEFORE = "purgedBefore";
    private static final Pattern RESULT_COLLECTION = Pattern.compile("OT[0-9]{3}Results");

    private final MongoDatabase mongo;

    public Retention(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    /** The first month kept when {@code months} months are kept in {@code now}'s month. */
    public static Month firstKept(YearMonth now, int months) {
        return new Month(now.minusMonths(months - 1L));
    }

    /**
     * Removes every result of a month before {@code firstKept}; the count removed per collection. The collection's
     * purge mark is raised first, so readers turn to the HBase mirror for those months before they go.
     */
    public Map<String, Long> purgeBefore(Month firstKept) {
        Map<String, Long> removed = new TreeMap<>();
        for (String name : mongo.listCollectionNames()) {
            if (RESULT_COLLECTION.matcher(name).matches()) {
                marks().updateOne(Filters.eq("_id", name), Updates.max(PURGED_BEFORE, firstKept.asNumber()),
                        new UpdateOptions().upsert(true));
                removed.put(name, mongo.getCollection(name)
                        .deleteMany(Filters.lt("month", firstKept.asNumber())).getDeletedCount());
            }
        }
        return removed;
    }

    /** The first month a collection still holds (all before it were purged), or empty when none was purged. */
    public Optional<Month> firstHeld(String collection) {
        Document mark = marks().find(Filters.eq("_id", collection)).first();
        return mark == null ? Optional.empty() : Optional.of(Month.parse(mark.get(PURGED_BEFORE).toString()));
    }

    private MongoCollection<Document> marks() {
        return mongo.getCollection(COLLECTION);
    }
}

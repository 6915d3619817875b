package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.enma.schema.EnmaException;
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
    private static final int SHOWN_FAILURES = 3;
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
     * purge mark is raised first, so readers turn to the HBase mirror for those months before they go. Refuses,
     * removing nothing, while a month to purge has a run whose latest attempt failed or never finished (killed): its
     * mirror may lack results that MongoDB holds, and MongoDB's copy is the only complete one until the run is
     * repeated.
     */
    public Map<String, Long> purgeBefore(Month firstKept) {
        List<String> failed = failedRunsBefore(firstKept);
        if (!failed.isEmpty()) {
            throw new EnmaException("nothing purged: the last run of " + String.join("; ", failed.subList(0,
                    Math.min(failed.size(), SHOWN_FAILURES))) + (failed.size() > SHOWN_FAILURES ? " (and "
                    + (failed.size() - SHOWN_FAILURES) + " more)" : "") + " did not succeed, so its HBase mirror may lack"
                    + " results MongoDB holds; rerun it (`enma run`), then purge");
        }
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

    /**
     * The runs of a month before {@code firstKept} whose latest attempt did not succeed, as {@code "OT101 company C type T
     * month M"} — failed, abandoned or still running; a later successful attempt with the same setup clears an earlier
     * one.
     */
    private List<String> failedRunsBefore(Month firstKept) {
        Map<List<Object>, Document> latest = new LinkedHashMap<>();
        mongo.getCollection(JobRuns.COLLECTION)
                .find(Filters.and(Filters.regex("ot", "^OT[0-9]{3}$"), Filters.lt("month", firstKept.asNumber())))
                .sort(Sorts.ascending("start", "_id"))
                .forEach(run -> latest.put(Arrays.asList(run.get("ot"), run.get("companyId"), run.get("type"),
                        run.get("month"), run.get("setupId")), run));
        return latest.values().stream().filter(run -> !JobRuns.SUCCEEDED.equals(run.getString(JobRuns.STATUS)))
                .map(run -> run.get("ot") + " company " + run.get("companyId") + " type " + run.get("type")
                        + " month " + run.get("month"))
                .toList();
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

package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The job report of every run in MongoDB {@code jobRuns}: what ran (OT, company, type, month, setupId — or
 * {@code derive}, company, type, from, to), when, its status ({@code running}, {@code succeeded}, {@code failed} with
 * the message) and its counts.
 */
public final class JobRuns {
    public static final String COLLECTION = "jobRuns";
    /** The first few measures a run skipped for a bad cell. */
    public static final String BAD_CELL_KEYS = "badCellKeys";

    private final MongoCollection<Document> runs;

    public JobRuns(MongoDatabase mongo) {
        this.runs = mongo.getCollection(COLLECTION);
    }

    public ObjectId started(String ot, long companyId, String type, int month, String setupId) {
        return started(ot, companyId, type, new Document("month", month).append("setupId", setupId));
    }

    /** A run of {@code job} ({@code ot} field) over {@code scope} (e.g. {@code from}, {@code to}) is running. */
    public ObjectId started(String job, long companyId, String type, Document scope) {
        ObjectId id = new ObjectId();
        Document run = new Document("_id", id).append("ot", job).append("companyId", companyId).append("type", type);
        run.putAll(scope);
        runs.insertOne(run.append("start", new Date()).append("status", "running"));
        return id;
    }

    /** {@code badCellKeys}: the first measures skipped for a bad cell ({@code <row key> m:<qualifier>}), if any. */
    public void succeeded(ObjectId run, long contractsSeen, long resultsWritten, Map<String, Long> skipped,
                          List<String> badCellKeys) {
        Document counts = new Document("contractsSeen", contractsSeen).append("resultsWritten", resultsWritten)
                .append("skipped", new Document(Map.copyOf(skipped)));
        if (!badCellKeys.isEmpty()) {
            counts.append(BAD_CELL_KEYS, badCellKeys);
        }
        succeeded(run, counts);
    }

    /** The run ended well, with these counts (each becomes a field of its document). */
    public void succeeded(ObjectId run, Document counts) {
        Document set = new Document("status", "succeeded").append("end", new Date());
        set.putAll(counts);
        runs.updateOne(Filters.eq("_id", run), new Document("$set", set));
    }

    public void failed(ObjectId run, String message) {
        runs.updateOne(Filters.eq("_id", run), Updates.combine(Updates.set("status", "failed"),
                Updates.set("end", new Date()), Updates.set("error", message)));
    }
}

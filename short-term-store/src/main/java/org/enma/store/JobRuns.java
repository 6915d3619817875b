package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The job report of every run in MongoDB {@code jobRuns}: what ran (OT, company, type, month, setupId), when, its
 * status ({@code running}, {@code succeeded}, {@code failed} with the message) and its counts.
 */
public final class JobRuns {
    public static final String COLLECTION = "jobRuns";

    private final MongoCollection<Document> runs;

    public JobRuns(MongoDatabase mongo) {
        this.runs = mongo.getCollection(COLLECTION);
    }

    public ObjectId started(String ot, long companyId, String type, int month, String setupId) {
        ObjectId id = new ObjectId();
        runs.insertOne(new Document("_id", id).append("ot", ot).append("companyId", companyId).append("type", type)
                .append("month", month).append("setupId", setupId).append("start", new Date())
                .append("status", "running"));
        return id;
    }

    public void succeeded(ObjectId run, long contractsSeen, long resultsWritten, Map<String, Long> skipped) {
        runs.updateOne(Filters.eq("_id", run), Updates.combine(Updates.set("status", "succeeded"),
                Updates.set("end", new Date()), Updates.set("contractsSeen", contractsSeen),
                Updates.set("resultsWritten", resultsWritten), Updates.set("skipped", new Document(Map.copyOf(skipped)))));
    }

    public void failed(ObjectId run, String message) {
        runs.updateOne(Filters.eq("_id", run), Updates.combine(Updates.set("status", "failed"),
                Updates.set("end", new Date()), Updates.set("error", message)));
    }
}

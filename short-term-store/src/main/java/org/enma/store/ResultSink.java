package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.bson.Document;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;

/**
 * Writes one analytic's results to its MongoDB short-term collection ({@code OT101Results}) and mirrors them to its
 * HBase table ({@code ot101}). Both writes are upserts by the result key, so a rerun replaces its own results and
 * never duplicates them. MongoDB writes are unordered bulk replaces in batches (one round trip per
 * {@value #BATCH} documents), since single upserts are slow on every server.
 */
public final class ResultSink {
    static final int BATCH = 1000;

    private final MongoDatabase mongo;
    private final Connection hbase;
    private final TableCreator tables;

    public ResultSink(MongoDatabase mongo, Connection hbase, TableCreator tables) {
        this.mongo = mongo;
        this.hbase = hbase;
        this.tables = tables;
    }

    /** The short-term collection of an analytic: {@code OT101} → {@code OT101Results}. */
    public static String collectionOf(String ot) {
        return "OT" + EnmaTable.results(ot).name().substring(2) + "Results";
    }

    /** Creates the collection's indexes for the portal's queries (idempotent). */
    public MongoCollection<Document> collection(String ot) {
        MongoCollection<Document> collection = mongo.getCollection(collectionOf(ot));
        collection.createIndex(Indexes.ascending("companyId", "contractId", "month"));
        collection.createIndex(Indexes.ascending("companyId", "month"));
        return collection;
    }

    /**
     * Writes both stores at once (they are independent round trips) and returns only when both are done, whatever
     * happened to the other: a failure of either is thrown as an {@link EnmaException} naming the store (the other's, if any, suppressed in it), so the caller
     * never records a run as succeeded while one store lacks its results, and a write still running never outlives
     * the run. Both writes are upserts: the rerun of a failed run repairs both stores.
     */
    public void write(String ot, List<ResultDocument> results) {
        CompletableFuture<Void> mongoWrite = CompletableFuture.runAsync(() -> writeMongo(ot, results));
        EnmaException failure = null;
        try {
            writeMirror(ot, results);
        } catch (IOException | RuntimeException e) {
            failure = new EnmaException("the HBase mirror " + EnmaTable.results(ot).name() + " was not written ("
                    + e.getMessage() + "); rerun the job to repair both stores", e);
        }
        try {
            mongoWrite.join();
        } catch (CompletionException e) {
            EnmaException mongoFailure = new EnmaException("MongoDB " + collectionOf(ot) + " was not written ("
                    + MongoStore.firstSentence(e.getCause().getMessage()) + "); rerun the job to repair both stores", e.getCause());
            if (failure == null) {
                failure = mongoFailure;
            } else {
                failure.addSuppressed(mongoFailure);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void writeMongo(String ot, List<ResultDocument> results) {
        MongoCollection<Document> collection = collection(ot);
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (ResultDocument result : results) {
            Document doc = result.toMongo();
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, upsert));
            if (batch.size() == BATCH) {
                collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
    }

    private void writeMirror(String ot, List<ResultDocument> results) throws IOException {
        TableName mirror = tables.ensure(EnmaTable.results(ot));
        try (BufferedMutator mutator = hbase.getBufferedMutator(mirror)) {
            for (ResultDocument result : results) {
                mutator.mutate(result.toMirror());
            }
        }
    }
}

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
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hbase.thirdparty.com.google.common.util.concurrent.Uninterruptibles;
import org.bson.Document;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;

/**
 * Writes one analytic's results to its MongoDB short-term collection ({@code OT101Results}) and mirrors them to its
 * HBase table ({@code ot101}). Both writes are upserts by the result key, so a rerun (or a Spark task retried, or run
 * twice by speculation) replaces its own results and never duplicates them. The driver {@link #prepare}s the stores
 * once (mirror table, indexes); then any number of {@link Writer}s — one per Spark task, on any machine — stream
 * results into both. MongoDB writes are unordered bulk replaces in batches (one round trip per {@value #BATCH}
 * documents), since single upserts are slow on every server.
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

    /** Where one analytic's results go: its collection and its mirror table (HBase name, namespace included). */
    public record Target(String ot, String collection, String mirror) implements Serializable {
    }

    /** The short-term collection of an analytic: {@code OT101} → {@code OT101Results}. */
    public static String collectionOf(String ot) {
        return "OT" + EnmaTable.results(ot).name().substring(2) + "Results";
    }

    /** Creates the collection's indexes for the portal's queries and the mirror table, if missing (idempotent). */
    public Target prepare(String ot) throws IOException {
        MongoCollection<Document> collection = mongo.getCollection(collectionOf(ot));
        collection.createIndex(Indexes.ascending("companyId", "contractId", "month"));
        collection.createIndex(Indexes.ascending("companyId", "month"));
        return new Target(ot, collectionOf(ot), tables.ensure(EnmaTable.results(ot)).getNameAsString());
    }

    /** Writes {@code results} to both stores: {@link #prepare}, then one {@link Writer}. */
    public void write(String ot, List<ResultDocument> results) {
        Target target;
        try {
            target = prepare(ot);
        } catch (IOException e) {
            throw Writer.mirrorFailure(ot, e);
        }
        try (Writer writer = writer(mongo, hbase, target)) {
            results.forEach(writer::add);
        }
    }

    /** A writer into {@code target}'s stores over connections of the caller's (a Spark task's shared ones). */
    public static Writer writer(MongoDatabase mongo, Connection hbase, Target target) {
        try {
            return new Writer(mongo.getCollection(target.collection()),
                    hbase.getBufferedMutator(TableName.valueOf(target.mirror())), target.ot());
        } catch (IOException e) {
            throw Writer.mirrorFailure(target.ot(), e);
        }
    }

    /**
     * Streams results into both stores: the mirror's puts go to a {@link BufferedMutator} (sent in the background as
     * its buffer fills), the documents to MongoDB a batch at a time, also in the background (one batch on its way while
     * the next fills), so both stores are written at once and while results are still being computed. Closing it
     * sends what is left to both at once, waits for both whatever happened to the other, and only then fails — naming
     * the store (the other's failure, if any, suppressed in it): a caller never records a run as succeeded while one
     * store lacks its results, and no write is still on its way once it returns.
     */
    public static final class Writer implements AutoCloseable {
        /**
         * Sends the MongoDB batches: a thread per batch on its way, at most one per open writer. Daemon threads, so an
         * executor or the CLI never waits for this pool to exit.
         */
        private static final ExecutorService SENDERS = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "enma-result-batch");
            thread.setDaemon(true);
            return thread;
        });
        private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
        private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

        private final MongoCollection<Document> collection;
        private final BufferedMutator mirror;
        private final String ot;
        private List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        /** The batch on its way to MongoDB, if any. */
        private Future<?> sending = CompletableFuture.completedFuture(null);
        private long written;

        private Writer(MongoCollection<Document> collection, BufferedMutator mirror, String ot) {
            this.collection = collection;
            this.mirror = mirror;
            this.ot = ot;
        }

        public void add(ResultDocument result) {
            try {
                mirror.mutate(result.toMirror());
            } catch (IOException | RuntimeException e) {
                throw mirrorFailure(ot, e);
            }
            Document doc = result.toMongo();
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
            if (batch.size() == BATCH) {
                awaitSent();
                send();
            }
            written++;
        }

        /** The results added so far. */
        public long written() {
            return written;
        }

        /** Sends the batch in the background (after the previous one arrived: {@link #awaitSent}). */
        private void send() {
            List<WriteModel<Document>> full = batch;
            batch = new ArrayList<>(BATCH);
            sending = SENDERS.submit(() -> collection.bulkWrite(full, UNORDERED));
        }

        /**
         * Waits for the batch on its way, interrupted or not (a task Spark kills still leaves no write on its way);
         * fails naming MongoDB when it was not written.
         */
        private void awaitSent() {
            try {
                Uninterruptibles.getUninterruptibly(sending);
            } catch (ExecutionException e) {
                throw mongoFailure(ot, e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException(e.getCause()));
            }
        }

        @Override
        public void close() {
            EnmaException mongoFailure = null;
            try {
                awaitSent();
                if (!batch.isEmpty()) {
                    send();
                }
            } catch (EnmaException e) {
                mongoFailure = e;
            }
            EnmaException failure = null;
            try {
                mirror.close();
            } catch (IOException | RuntimeException e) {
                failure = mirrorFailure(ot, e);
            }
            if (mongoFailure == null) {
                try {
                    awaitSent();
                } catch (EnmaException e) {
                    mongoFailure = e;
                }
            }
            failure = withSuppressed(mongoFailure, failure);
            if (failure != null) {
                throw failure;
            }
        }

        /** MongoDB's failure first, the mirror's suppressed in it; either alone as it is. */
        private static EnmaException withSuppressed(EnmaException first, EnmaException second) {
            if (first == null || second == null) {
                return first == null ? second : first;
            }
            first.addSuppressed(second);
            return first;
        }

        static EnmaException mirrorFailure(String ot, Exception e) {
            return new EnmaException("the HBase mirror " + EnmaTable.results(ot).name() + " was not written ("
                    + e.getMessage() + "); rerun the job to repair both stores", e);
        }

        static EnmaException mongoFailure(String ot, RuntimeException e) {
            return new EnmaException("MongoDB " + collectionOf(ot) + " was not written ("
                    + MongoStore.firstSentence(e.getMessage()) + "); rerun the job to repair both stores", e);
        }
    }
}

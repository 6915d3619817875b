package org.enma.jobs;

import com.mongodb.client.MongoDatabase;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.enma.config.Endpoints;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;

/**
 * Writes an analytic's results from the Spark tasks that compute them: each task streams its contracts' results into
 * MongoDB and the HBase mirror through one {@link ResultSink.Writer} (its executor's shared connections) and hands
 * the driver its counts only. Results are upserts by their key, so a task Spark retries, or runs twice by
 * speculation, writes the same documents and rows again: still one per key. The action returns only when every
 * task wrote both stores; a task that failed fails the run, and its rerun repairs what it left.
 */
final class ResultTasks {
    private ResultTasks() {
    }

    /** The results of {@code outcomes}, keyed by {@code month}, {@code company} and {@code setupId}, into {@code target}. */
    static RunCounts write(JavaRDD<Outcome> outcomes, Endpoints where, ResultSink.Target target, Month month,
                           CompanyId company, SetupId setupId) {
        return outcomes.mapPartitions((Iterator<Outcome> partition) -> {
            MongoDatabase mongo = MongoStore.shared(where.mongoUri(), where.mongoDatabase()).database();
            Map<String, Long> skipped = new TreeMap<>();
            long results;
            try (ResultSink.Writer writer = ResultSink.writer(mongo, SharedConnections.of(where), target)) {
                while (partition.hasNext()) {
                    Outcome outcome = partition.next();
                    if (outcome.isResult()) {
                        writer.add(new ResultDocument(new ResultKey(month, company, outcome.contractId(), setupId),
                                outcome.fields()));
                    } else {
                        skipped.merge(outcome.skipped(), 1L, Long::sum);
                    }
                }
                results = writer.written();
            }
            return List.of(new RunCounts(results, skipped)).iterator();
        }).fold(RunCounts.NONE, RunCounts::plus);
    }
}

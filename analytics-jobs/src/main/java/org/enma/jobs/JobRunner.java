package org.enma.jobs;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bson.types.ObjectId;
import org.enma.config.EnmaConfig;
import org.enma.jobs.read.BadCells;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.setup.Parameter;
import org.enma.schema.EnmaException;
import org.enma.schema.SetupId;
import org.enma.store.JobRuns;
import org.enma.store.ResultSink;
import org.enma.store.SetupIds;
import org.enma.store.Setups;

/**
 * Runs one analytic for one request: records the setup (content-hash id) and the run in {@code jobRuns}, lets the
 * analytic plan its computation over Spark data, has the tasks that compute the results write them to MongoDB and
 * the HBase mirror ({@link ResultTasks}: the driver gets counts only), and records how the run ended — {@code
 * failed} with the reason when anything goes wrong after the run was recorded. Measures left out for a bad cell are
 * counted as skipped with reason {@code badCell} (measures, where the other reasons count contracts), the first few
 * named in {@code badCellKeys}. Results are upserts by key, so a rerun
 * after a failure leaves exactly one result per key.
 *
 * <p>MongoDB may still be connecting when a run starts: the run is recorded, and the stores made ready (indexes, the
 * mirror table), while the analytic plans and Spark reads; when MongoDB turns out to be unreachable, or the mirror
 * table cannot be made, the Spark jobs are cancelled at once and the run fails with that reason. Nothing is written
 * before both stores are ready.
 */
public final class JobRunner {
    private final CompletableFuture<MongoDatabase> mongo;
    private final EnmaConfig config;
    private final SparkSession spark;

    public JobRunner(MongoDatabase mongo, EnmaConfig config, SparkSession spark) {
        this(CompletableFuture.completedFuture(mongo), config, spark);
    }

    public JobRunner(CompletableFuture<MongoDatabase> mongo, EnmaConfig config, SparkSession spark) {
        this.mongo = mongo;
        this.config = config;
        this.spark = spark;
    }

    public JobReport run(Analytic analytic, JobRequest request) {
        analytic.check(request.parameters());
        Map<String, Object> setup = setupOf(analytic, request);
        SetupId setupId = SetupIds.of(setup);
        String jobGroup = "enma-" + analytic.name() + "-" + UUID.randomUUID();
        spark.sparkContext().setJobGroup(jobGroup, analytic.name() + " " + request.company() + " "
                + request.month(), false);
        CompletableFuture<RecordedRun> recording = mongo.thenApply(db -> RecordedRun.start(db, analytic, request,
                setup));
        cancelWhenFailed(recording, jobGroup);
        CompletableFuture<ResultSink.Target> target = new CompletableFuture<>();
        Set<Integer> cachedBefore = Set.of();
        try {
            if (recording.isCompletedExceptionally()) {
                joined(recording);
            }
            EnmaData data = EnmaData.open(spark, config);
            data.existing(request.consumptionTable());
            // the stores are made ready (indexes, mirror table: round trips to both) while Spark reads
            target = recording.thenApplyAsync(run -> prepared(run, data, analytic));
            cancelWhenFailed(target, jobGroup);
            cachedBefore = Set.copyOf(JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs()
                    .keySet());
            long start = System.nanoTime();
            JavaRDD<Outcome> outcomes = analytic.run(new JobContext(data, request.company(), request.type(),
                    request.month(), request.parameters()));
            RecordedRun run = joined(recording);
            ResultSink.Target into = joined(target);
            long planned = System.nanoTime();
            RunCounts counts = ResultTasks.write(outcomes, data.endpoints(), into, request.month(),
                    request.company(), setupId);
            BadCells.Seen bad = data.badCells();
            Map<String, Long> skipped = new TreeMap<>(counts.skipped());
            if (bad.count() > 0) {
                skipped.put(BadCells.REASON, bad.count());
            }
            long seen = counts.results() + counts.skipped().values().stream().mapToLong(Long::longValue).sum();
            run.runs().succeeded(run.id(), seen, counts.results(), skipped, bad.first());
            return new JobReport(analytic.name(), setupId, seen, counts.results(), skipped,
                    Duration.ofNanos(planned - start), Duration.ofNanos(System.nanoTime() - planned));
        } catch (Exception e) {
            Exception cause = storesFailure(target).orElse(e);
            throw new EnmaException(analytic.name() + " failed: " + recordFailure(recording, cause), cause);
        } finally {
            releaseCached(cachedBefore);
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Cancels the run's Spark jobs as soon as {@code step} fails (MongoDB unreachable, the mirror table not made). */
    private void cancelWhenFailed(CompletableFuture<?> step, String jobGroup) {
        step.whenComplete((done, failure) -> {
            if (failure != null) {
                spark.sparkContext().cancelJobGroup(jobGroup);
            }
        });
    }

    /**
     * What making the stores ready failed with, if it did: it cancelled the Spark jobs, whose failure then only says
     * they were cancelled.
     */
    private static Optional<Exception> storesFailure(CompletableFuture<ResultSink.Target> target) {
        if (!target.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            target.join();
            return Optional.empty();
        } catch (CompletionException | CancellationException failure) {
            return Optional.of(failure);
        }
    }

    /** The analytic's stores, made ready: its collection's indexes, its mirror table. */
    private static ResultSink.Target prepared(RecordedRun run, EnmaData data, Analytic analytic) {
        try (Admin admin = data.hbase().getAdmin()) {
            return new ResultSink(run.db(), data.hbase(), data.tableCreator(admin)).prepare(analytic.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unpersists what the analytic cached on the executors (e.g. OT101's contract months, counted then compared): a
     * driver that runs job after job would otherwise keep every run's data until its RDDs are garbage-collected.
     */
    private void releaseCached(Set<Integer> before) {
        JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs().forEach((id, cached) -> {
            if (!before.contains(id)) {
                cached.unpersist(false);
            }
        });
    }

    /** The reason of a failed run, recorded in jobRuns when MongoDB answers; MongoDB's own failure comes first. */
    private static String recordFailure(CompletableFuture<RecordedRun> recording, Exception failure) {
        RecordedRun run;
        try {
            run = joined(recording);
        } catch (RuntimeException mongoDown) {
            return Failures.messageOf(mongoDown);
        }
        return Failures.recorded(Failures.messageOf(failure), reason -> run.runs().failed(run.id(), reason));
    }

    /** The value of a future, or what it failed with (unwrapped). */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * docs/analytics.md § Setup: the OT name, company, type and parameters; their hash is the setupId. A parameter
     * added later is left out while at its default, so that older setups keep their ids.
     */
    static Map<String, Object> setupOf(Analytic analytic, JobRequest request) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("ot", analytic.name());
        setup.put("companyId", request.company().asNumber());
        setup.put("type", request.type());
        Map<String, Object> parameters = new LinkedHashMap<>(request.parameters());
        for (Parameter p : analytic.parameters()) {
            if (p.omittedAtDefault() && p.defaultValue().equals(parameters.get(p.name()))) {
                parameters.remove(p.name());
            }
        }
        setup.put("parameters", parameters);
        return setup;
    }

    /** A run as recorded in MongoDB: its setup saved, its {@code jobRuns} document {@code running}. */
    private record RecordedRun(MongoDatabase db, JobRuns runs, ObjectId id) {
        static RecordedRun start(MongoDatabase db, Analytic analytic, JobRequest request, Map<String, Object> setup) {
            SetupId setupId = new Setups(db).save(setup);
            JobRuns runs = new JobRuns(db);
            return new RecordedRun(db, runs, runs.started(analytic.name(), request.company().asNumber(),
                    request.type(), request.month().asNumber(), setupId.value()));
        }
    }
}

package org.enma.jobs;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.setup.SetupFile;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;
import org.enma.store.JobRuns;
import org.enma.store.MongoStore;

/**
 * Starts one OT run from its user-facing arguments — {@code enma run} and the {@code spark-submit} main classes both
 * come here ({@code derive} too, through {@link #withStores}). Checks cheap things first (analytic name, setup file); connects to MongoDB and HBase while Spark starts.
 */
public final class JobLauncher {
    private JobLauncher() {
    }

    public static JobReport launch(EnmaConfig config, String ot, CompanyId company, Optional<String> type, Month month,
                                   Optional<Path> setupFile) {
        Analytic analytic = Analytics.named(ot);
        Map<String, Object> parameters = SetupFile.read(setupFile, analytic.name(),
                analytic.parameters());
        analytic.check(parameters);
        JobRequest request = new JobRequest(company, type.orElse(JobRequest.DEFAULT_TYPE), month, parameters);
        return withStores(config, analytic.name() + " " + company + " " + month,
                (mongo, spark) -> new JobRunner(mongo, config, spark).run(analytic, request));
    }

    /** What a recorded job hands back: its value, and the counts {@code jobRuns} records with it. */
    public record Recorded<T>(T value, Document counts) {
    }

    /** The work of a recorded job, given MongoDB and a Spark session. */
    @FunctionalInterface
    interface RecordedWork<T> {
        Recorded<T> run(MongoDatabase mongo, SparkSession spark) throws Exception;
    }

    /**
     * Runs a job that is not an analytic ({@code derive}, {@code validate}, {@code rollup}) and records it in {@code
     * jobRuns} like the OTs: {@code running} before anything is written (so MongoDB must answer first), then
     * {@code succeeded} with its counts, or {@code failed} with the reason, which the exception carries too.
     */
    static <T> T recorded(EnmaConfig config, String job, CompanyId company, String type, Document scope,
                          RecordedWork<T> work) {
        return withStores(config, job + " " + company, (mongo, spark) -> {
            JobRuns runs;
            ObjectId run;
            try {
                runs = new JobRuns(JobRunner.joined(mongo));
                run = runs.started(job, company.asNumber(), type, scope);
            } catch (RuntimeException mongoDown) {
                throw new EnmaException(job + " failed: " + Failures.messageOf(mongoDown), mongoDown);
            }
            try {
                Recorded<T> done = work.run(JobRunner.joined(mongo), spark);
                runs.succeeded(run, done.counts());
                return done.value();
            } catch (Exception e) {
                throw new EnmaException(job + " failed: "
                        + Failures.recorded(Failures.messageOf(e), reason -> runs.failed(run, reason)), e);
            }
        });
    }

    /**
     * Runs {@code job} with a Spark session and MongoDB: MongoDB and HBase take about a second each to answer a new
     * client, Spark a few to start, so all three start at once; the job gets MongoDB as a future.
     */
    static <T> T withStores(EnmaConfig config, String appName,
                            BiFunction<CompletableFuture<MongoDatabase>, SparkSession, T> job) {
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        CompletableFuture<MongoStore> mongo = CompletableFuture.supplyAsync(
                () -> MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase()));
        CompletableFuture.runAsync(() -> SharedConnections.warmUp(endpoints));
        try {
            return job.apply(mongo.thenApply(MongoStore::database), session(config, appName));
        } finally {
            mongo.thenAccept(MongoStore::close);
        }
    }

    /** Spark's setting of the number of partitions a SQL aggregation or join shuffles into. */
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    /**
     * The Spark session of a run: under {@code spark-submit} its master and settings win; run from {@code enma}, the
     * configured master ({@code --master}, {@code ENMA_SPARK_MASTER}, default {@code local[*]}) and no web UI, and a
     * non-local master gets the job jar and is checked ({@link SparkMaster}). A local master's SQL shuffles into twice
     * its cores' partitions unless {@value #SHUFFLE_PARTITIONS} is set ({@link #localShuffle}).
     */
    public static SparkSession session(EnmaConfig config, String appName) {
        SparkMaster.requireBuiltVersion();
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("enma " + appName)
                .config("spark.sql.session.timeZone", config.timezone().getId());
        if (submitted.contains("spark.master")) {
            return builder.getOrCreate();
        }
        String master = config.sparkMaster();
        builder.master(master).config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", System.console() != null);
        if (SparkMaster.isLocal(master)) {
            return localShuffle(builder.getOrCreate(), submitted);
        }
        SparkMaster.requireReachable(master);
        SparkSession spark = builder.config("spark.jars", SparkMaster.jobsJar(config).toString()).getOrCreate();
        SparkMaster.awaitExecutor(spark, master, SparkMaster.EXECUTORS_WAIT);
        return spark;
    }

    /**
     * Spark's default of 200 shuffle partitions is sized for a cluster: on a local master every task of a SQL
     * aggregation writes 200 compressed files, and a month's {@code GROUP BY contractId} through the data source took
     * 1.4-1.6 s that way against 1.04-1.06 s with 4 partitions on 2 cores (the scan alone: 0.99 s). Adaptive query
     * execution merges small partitions after the shuffle but cannot spare the writing of them.
     */
    private static SparkSession localShuffle(SparkSession spark, SparkConf submitted) {
        if (!submitted.contains(SHUFFLE_PARTITIONS)) {
            spark.conf().set(SHUFFLE_PARTITIONS, 2L * spark.sparkContext().defaultParallelism());
        }
        return spark;
    }
}

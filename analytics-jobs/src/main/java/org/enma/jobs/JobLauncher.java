package org.enma.jobs;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.setup.SetupFile;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.store.MongoStore;

/**
 * Starts one OT run from its user-facing arguments — {@code enma run} and the {@code spark-submit} main classes both
 * come here. Checks cheap things first (analytic name, setup file); connects to MongoDB and HBase while Spark starts.
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
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        // MongoDB and HBase take about a second each to answer a new client, Spark a few to start: all at once.
        CompletableFuture<MongoStore> mongo = CompletableFuture.supplyAsync(
                () -> MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase()));
        CompletableFuture.runAsync(() -> SharedConnections.warmUp(endpoints));
        try {
            SparkSession spark = session(config, analytic.name() + " " + company + " " + month);
            return new JobRunner(mongo.thenApply(MongoStore::database), config, spark).run(analytic, request);
        } finally {
            mongo.thenAccept(MongoStore::close);
        }
    }

    /**
     * The Spark session of a run: under {@code spark-submit} its master and settings win; run from {@code enma}, the
     * configured master ({@code --master}, {@code ENMA_SPARK_MASTER}, default {@code local[*]}) and no web UI.
     */
    static SparkSession session(EnmaConfig config, String appName) {
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("enma " + appName)
                .config("spark.sql.session.timeZone", config.timezone().getId());
        if (!submitted.contains("spark.master")) {
            builder.master(config.sparkMaster()).config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", System.console() != null);
        }
        return builder.getOrCreate();
    }
}

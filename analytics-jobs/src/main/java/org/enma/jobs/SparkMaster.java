package org.enma.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.schema.EnmaException;

/**
 * What ENMA checks and gives a Spark master before and after handing it a job, so that a cluster that cannot run the
 * job fails the command in seconds with a line saying why, instead of Spark's minutes of retries or an endless wait.
 * <ul>
 *   <li>Any master: the running Spark is the one ENMA is built for (under {@code spark-submit} it is the
 *       distribution's, which may be another).</li>
 *   <li>A non-local master: executors of a stock cluster have Spark's jars only, so the job jar
 *       ({@code enma-jobs.jar}: ENMA, the HBase client, the MongoDB driver) goes with the application.</li>
 *   <li>A standalone master ({@code spark://}) chosen by {@code enma run}/{@code derive}: it answers, and within
 *       {@link #EXECUTORS_WAIT} it gives the application an executor that runs a task of this Spark. A cluster with
 *       no free worker, or of another Spark version, never does; Spark itself would wait for ever.</li>
 * </ul>
 */
final class SparkMaster {
    static final Duration EXECUTORS_WAIT = Duration.ofSeconds(20);
    private static final int PROBE_TIMEOUT_MS = 5000;
    private static final String STANDALONE = "spark://";
    /** The Spark of this JVM. */
    private static final String SPARK_VERSION = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    /** The Spark ENMA's jobs are compiled against. */
    private static final String BUILT_VERSION = built().getProperty("spark.version");

    private SparkMaster() {
    }

    static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /** Fails unless the Spark of this JVM is the one ENMA is built for. */
    static void requireBuiltVersion() {
        requireVersion("this JVM runs", SPARK_VERSION, builtVersion());
    }

    /**
     * Fails unless {@code running} (e.g. {@code 3.5.7}) has the major and minor version of {@code built}: Spark's
     * internal APIs, which the job's readers use, change between minor versions. {@code whose} names who runs it.
     */
    static void requireVersion(String whose, String running, String built) {
        if (!majorMinor(running).equals(majorMinor(built))) {
            throw new EnmaException(whose + " Spark " + running + ", but ENMA is built for Spark " + majorMinor(built)
                    + ".x: run it on Spark " + majorMinor(built) + ", or build ENMA with -Dspark.version=" + running);
        }
    }

    /** The Spark version ENMA's jobs are compiled against. */
    static String builtVersion() {
        return BUILT_VERSION;
    }

    /**
     * The job jar for the executors of a non-local master: the configured one, which must exist.
     */
    static Path jobsJar(EnmaConfig config) {
        Path jar = config.sparkJobsJar().orElseThrow(() -> new EnmaException("Spark master " + config.sparkMaster()
                + " needs the job jar enma-jobs.jar for its executors: set " + Setting.SPARK_JOBS_JAR.envVariable()
                + " (or " + Setting.SPARK_JOBS_JAR.flag() + ") to it"));
        if (!Files.isRegularFile(jar)) {
            throw new EnmaException("the job jar " + jar + " (from " + config.sourceOf(Setting.SPARK_JOBS_JAR)
                    + ") does not exist: build it with `mvn -B package -pl cli -am` (scripts/enma builds it), or set "
                    + Setting.SPARK_JOBS_JAR.envVariable() + " to a copy of analytics-jobs/target/enma-jobs.jar");
        }
        return jar;
    }

    /** Fails unless some master of a {@code spark://host:port[,host:port]} URL accepts a connection. */
    static void requireReachable(String master) {
        if (!master.startsWith(STANDALONE)) {
            return;
        }
        for (String address : master.substring(STANDALONE.length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
                return;
            } catch (IOException | IllegalArgumentException unreachable) {
                // try the next master of the list
            }
        }
        throw new EnmaException("cannot reach the Spark master at " + master + ": check --master / "
                + Setting.SPARK_MASTER.envVariable() + ", and that the master runs (on the rig: `scripts/cluster"
                + " status`)");
    }

    /**
     * Waits until a standalone master has given the application an executor, then has that executor run one tiny
     * task that answers with its Spark version; fails (and stops the session) when no executor comes, the task
     * fails, or it does not answer within {@code wait} in all. A cluster of another Spark version accepts the
     * application and starts executors, whose tasks then fail or hang: only a task shows it.
     */
    static void awaitExecutor(SparkSession spark, String master, Duration wait) {
        if (!master.startsWith(STANDALONE)) {
            return;
        }
        SparkContext context = spark.sparkContext();
        long deadline = System.nanoTime() + wait.toNanos();
        String built = builtVersion();
        // the driver is listed among the executors: one more means a real executor registered
        while (context.statusTracker().getExecutorInfos().length < 2) {
            if (context.isStopped() || System.nanoTime() > deadline) {
                throw stopped(spark, "the Spark master at " + master + " gave this run no executor within "
                        + wait.toSeconds() + " s: check on its web UI that a worker is alive with a free core and "
                        + context.conf().get("spark.executor.memory", "1g") + " of free memory"
                        + " (spark.executor.memory), and that the cluster runs Spark " + majorMinor(built) + ".x");
            }
            pause();
        }
        JavaFutureAction<List<String>> probe = JavaSparkContext.fromSparkContext(context)
                .parallelize(List.of(1), 1).map(one -> org.apache.spark.package$.MODULE$.SPARK_VERSION())
                .collectAsync();
        String executorVersion;
        try {
            executorVersion = probe.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).get(0);
        } catch (TimeoutException | ExecutionException | InterruptedException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            probe.cancel(true);
            throw stopped(spark, "the executors of " + master + " did not run a first task of this Spark ("
                    + SPARK_VERSION + ") within " + wait.toSeconds() + " s"
                    + (failed instanceof ExecutionException ? " (" + Failures.messageOf(failed) + ")" : "")
                    + ": does the cluster run Spark " + majorMinor(built) + ".x, the version ENMA is built for?");
        }
        try {
            requireVersion("the executors of " + master + " run", executorVersion, built);
        } catch (EnmaException otherSpark) {
            throw stopped(spark, otherSpark.getMessage());
        }
    }

    private static EnmaException stopped(SparkSession spark, String message) {
        spark.stop();
        return new EnmaException(message);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnmaException("interrupted while waiting for Spark executors", e);
        }
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    private static Properties built() {
        Properties properties = new Properties();
        try (InputStream in = SparkMaster.class.getResourceAsStream("spark-build.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

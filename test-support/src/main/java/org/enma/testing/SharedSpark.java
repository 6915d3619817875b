package org.enma.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one SparkSession of a test JVM ({@code local[2]}, no UI, two shuffle partitions), started on first use and
 * stopped when the run ends. Only loaded by modules that have Spark on their classpath. Its driver takes at most
 * {@value #MAX_RESULT_SIZE} of task results per action: a job that brings per-contract data to the driver fails
 * every test that runs it on more than a few thousand contracts (ScaleOutIT runs every job on such a company).
 */
final class SharedSpark implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String MAX_RESULT_SIZE = "1m";
    private final SparkSession session;

    private SharedSpark(SparkSession session) {
        this.session = session;
    }

    static SharedSpark start() {
        return new SharedSpark(SparkSession.builder().master("local[2]").appName("enma-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.maxResultSize", MAX_RESULT_SIZE)
                .getOrCreate());
    }

    SparkSession session() {
        return session;
    }

    @Override
    public void close() {
        session.stop();
    }
}

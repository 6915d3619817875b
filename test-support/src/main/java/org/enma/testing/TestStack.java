package org.enma.testing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Connection;

/**
 * What one test class gets: the JVM's shared HBase mini cluster and MongoDB-protocol server, seen through a namespace
 * and a database of its own, so classes never see each other's tables or documents.
 */
public record TestStack(SharedStack shared, String namespace, String database) {
    private static final AtomicInteger CLASSES = new AtomicInteger();

    /**
     * A namespace and database of their own for {@code testClass} on the JVM's shared stack: what {@link
     * EnmaStackExtension} gives a JUnit test class, and what a test of another engine (jqwik) takes itself.
     */
    public static TestStack forClass(Class<?> testClass) {
        String name = "t" + CLASSES.incrementAndGet() + "_"
                + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return new TestStack(SharedStack.instance(), name, name);
    }

    /** A copy of the mini cluster's client configuration. */
    public Configuration hbaseConfiguration() {
        return new Configuration(shared.hbaseConfiguration());
    }

    /** The JVM's shared HBase connection (do not close it). */
    public Connection connection() {
        return shared.connection();
    }

    public int zkPort() {
        return shared.zkPort();
    }

    public String mongoUri() {
        return shared.mongoUri();
    }

    /**
     * This class's stack as ENMA settings ({@code enma.properties} keys), for {@code EnmaConfig.of(...)}: the mini
     * cluster's ZooKeeper, the Mongo server, this class's namespace and database.
     */
    public Map<String, String> settings() {
        return Map.of("hbase.quorum", "127.0.0.1", "hbase.port", Integer.toString(zkPort()), "namespace", namespace,
                "mongo.uri", mongoUri(), "mongo.database", database);
    }
}

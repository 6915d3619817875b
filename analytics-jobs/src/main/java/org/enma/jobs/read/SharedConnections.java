package org.enma.jobs.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.enma.config.Endpoints;

/**
 * One HBase connection per JVM (driver or executor) and cluster, shared by all its tasks: a connection is heavy (ZooKeeper
 * session, meta cache, thread pools) and thread-safe, so opening one per partition would cost more than the scan.
 * Closed when the JVM exits.
 */
public final class SharedConnections {
    private static final Map<Endpoints, Connection> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedConnections::closeAll, "enma-hbase-close"));
    }

    private SharedConnections() {
    }

    public static Connection of(Endpoints endpoints) {
        return OPEN.computeIfAbsent(endpoints, e -> {
            try {
                return ConnectionFactory.createConnection(e.hbaseConfiguration());
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot connect to HBase at " + e.zkQuorum() + ":" + e.zkPort(),
                        failure);
            }
        });
    }

    /**
     * Opens the connection of {@code endpoints} and finds {@code hbase:meta} ahead of use, so that a caller can do
     * it while waiting for something else. Failures are left for the first real use to report.
     */
    public static void warmUp(Endpoints endpoints) {
        try (Admin admin = of(endpoints).getAdmin()) {
            admin.tableExists(TableName.META_TABLE_NAME);
        } catch (IOException | RuntimeException later) {
            // reported with its context by the read that needs the connection
        }
    }

    private static void closeAll() {
        OPEN.values().forEach(c -> {
            try {
                c.close();
            } catch (IOException ignored) {
                // the JVM is exiting; nothing is left to flush on a read connection
            }
        });
    }
}

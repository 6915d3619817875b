package org.enma.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.StartMiniClusterOption;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * The one HBase mini cluster (local filesystem, no HDFS: it starts in seconds) and the one in-memory MongoDB-protocol
 * server of a test JVM. Started on first use, by whichever test engine comes first (JUnit Jupiter's extension or a
 * jqwik property), and stopped when the JVM exits: a JUnit store would stop it at the end of its own engine, before
 * another engine's tests ran.
 */
public final class SharedStack implements AutoCloseable {
    private static SharedStack instance;

    private final HBaseTestingUtility hbase;
    private final Connection connection;
    private final MongoServer mongo;
    private final String mongoUri;

    private SharedStack(HBaseTestingUtility hbase, Connection connection, MongoServer mongo, String mongoUri) {
        this.hbase = hbase;
        this.connection = connection;
        this.mongo = mongo;
        this.mongoUri = mongoUri;
    }

    /** The JVM's stack, started on the first call. */
    static synchronized SharedStack instance() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "enma-test-stack-stop"));
        }
        return instance;
    }

    private static SharedStack start() {
        try {
            Configuration conf = HBaseConfiguration.create();
            // The local filesystem has no hflush/hsync capability; HBase must not insist on it.
            conf.setBoolean("hbase.unsafe.stream.capability.enforce", false);
            conf.setInt("hbase.master.info.port", -1);
            conf.setInt("hbase.regionserver.info.port", -1);
            HBaseTestingUtility util = new HBaseTestingUtility(conf);
            util.startMiniZKCluster();
            util.startMiniHBaseCluster(StartMiniClusterOption.builder().numMasters(1).numRegionServers(1).build());
            Connection connection = ConnectionFactory.createConnection(util.getConfiguration());
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress address = mongo.getLocalAddress();
            return new SharedStack(util, connection, mongo,
                    "mongodb://127.0.0.1:" + address.getPort());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test stack (HBase mini cluster + Mongo server)", e);
        }
    }

    Configuration hbaseConfiguration() {
        return hbase.getConfiguration();
    }

    Connection connection() {
        return connection;
    }

    int zkPort() {
        return hbase.getConfiguration().getInt(HConstants.ZOOKEEPER_CLIENT_PORT, -1);
    }

    String mongoUri() {
        return mongoUri;
    }

    @Override
    public void close() {
        mongo.shutdownNow();
        try {
            connection.close();
            hbase.shutdownMiniCluster();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

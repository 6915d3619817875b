package org.enma.cli.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.LocalHBaseCluster;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.master.HMaster;
import org.apache.hadoop.hbase.master.HMasterCommandLine;
import org.apache.hadoop.hbase.regionserver.HRegionServer;
import org.apache.hadoop.hbase.zookeeper.MiniZooKeeperCluster;
import org.enma.schema.EnmaException;

/**
 * HBase standalone (ZooKeeper, one master, one region server) and a MongoDB-protocol server, in this JVM, on
 * loopback, with their data under one directory that survives restarts. HBase writes a WAL, so rows acknowledged
 * before a crash are replayed on the next start; the H2 store of the MongoDB server commits every second.
 */
public final class EmbeddedStack implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final MiniZooKeeperCluster zookeeper;
    private final LocalHBaseCluster hbase;
    private final H2Backend mongoBackend;
    private final MongoServer mongo;

    private EmbeddedStack(MiniZooKeeperCluster zookeeper, LocalHBaseCluster hbase, H2Backend mongoBackend,
                          MongoServer mongo) {
        this.zookeeper = zookeeper;
        this.hbase = hbase;
        this.mongoBackend = mongoBackend;
        this.mongo = mongo;
    }

    /** Starts everything and returns once HBase answers client requests and MongoDB listens. */
    public static EmbeddedStack start(Path dataDir, int zkPort, int mongoPort) throws IOException, InterruptedException {
        Configuration conf = hbaseConfiguration(dataDir, zkPort);
        MiniZooKeeperCluster zookeeper = new MiniZooKeeperCluster(conf);
        zookeeper.setDefaultClientPort(zkPort);
        // ZooKeeper starts empty every time: HBase keeps nothing there it needs across restarts, and the znodes of a
        // killed stack (its master's among them) would otherwise block the new master until their sessions expire.
        Path zkDir = dataDir.resolve("zookeeper");
        deleteRecursively(zkDir);
        int boundPort = zookeeper.startup(zkDir.toFile());
        if (boundPort != zkPort) {
            // MiniZooKeeperCluster moves on to the next free port; clients would look for the configured one.
            zookeeper.shutdown();
            throw new EnmaException(Ports.takenMessage("ZooKeeper", zkPort, "--stack-zk-port / ENMA_STACK_ZK_PORT"));
        }
        LocalHBaseCluster hbase = new LocalHBaseCluster(conf, 1, 1, HMasterCommandLine.LocalHMaster.class,
                HRegionServer.class);
        hbase.startup();
        awaitHBase(hbase, conf);

        H2Backend backend = new H2Backend(dataDir.resolve("mongo.mv").toString());
        MongoServer mongo = new MongoServer(backend);
        try {
            mongo.bind("127.0.0.1", mongoPort);
        } catch (RuntimeException e) {
            backend.close();
            hbase.shutdown();
            hbase.join();
            zookeeper.shutdown();
            throw new EnmaException(Ports.takenMessage("MongoDB", mongoPort,
                    "--stack-mongo-port / ENMA_STACK_MONGO_PORT"), e);
        }
        return new EmbeddedStack(zookeeper, hbase, backend, mongo);
    }

    static Configuration hbaseConfiguration(Path dataDir, int zkPort) {
        Configuration conf = HBaseConfiguration.create();
        conf.set(HConstants.HBASE_DIR, dataDir.resolve("hbase").toUri().toString());
        conf.set("hbase.tmp.dir", dataDir.resolve("tmp").toString());
        conf.setBoolean(HConstants.CLUSTER_DISTRIBUTED, false);
        conf.set(HConstants.ZOOKEEPER_QUORUM, "127.0.0.1");
        conf.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, zkPort);
        // The local filesystem has no hflush capability to check; HBase must not refuse to write its WAL there.
        conf.setBoolean("hbase.unsafe.stream.capability.enforce", false);
        conf.setInt(HConstants.MASTER_INFO_PORT, -1);
        conf.setInt(HConstants.REGIONSERVER_INFO_PORT, -1);
        conf.setBoolean(LocalHBaseCluster.ASSIGN_RANDOM_PORTS, true);
        conf.set("hbase.master.ipc.address", "127.0.0.1");
        conf.set("hbase.regionserver.ipc.address", "127.0.0.1");
        return conf;
    }

    private static void awaitHBase(LocalHBaseCluster hbase, Configuration conf) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            HMaster master = hbase.getActiveMaster();
            if (master != null && master.isInitialized()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new EnmaException("HBase did not start within " + STARTUP_TIMEOUT.toMinutes()
                        + " minutes; see the stack log");
            }
            Thread.sleep(200);
        }
        try (Connection connection = ConnectionFactory.createConnection(conf); Admin admin = connection.getAdmin()) {
            admin.tableExists(TableName.META_TABLE_NAME);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops HBase first (it flushes its memstores), then ZooKeeper, then MongoDB (its store is committed). */
    @Override
    public void close() throws IOException {
        hbase.shutdown();
        hbase.join();
        zookeeper.shutdown();
        mongo.shutdown();
        mongoBackend.close();
    }
}

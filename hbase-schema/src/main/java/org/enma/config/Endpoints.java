package org.enma.config;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.enma.schema.EnmaException;

/**
 * Where HBase (its ZooKeeper quorum) and MongoDB are, once the configuration is resolved: a configured cluster, or
 * the embedded stack found by {@link StackLocator}. Each side is resolved on its own, so HBase on a cluster with
 * MongoDB embedded (or the reverse) works too. Serializable: Spark executors open their own connections from it.
 */
public record Endpoints(String zkQuorum, int zkPort, String mongoUri, String mongoDatabase) implements Serializable {
    private static final int PROBE_TIMEOUT_MS = 3000;

    public static Endpoints resolve(EnmaConfig config, StackLocator locator) {
        if (config.hbaseQuorum().isPresent() && config.mongoUri().isPresent()) {
            return new Endpoints(config.hbaseQuorum().get(), config.hbasePort(), config.mongoUri().get(),
                    config.mongoDatabase());
        }
        StackState stack = locator.running(config).orElseThrow(() -> new EnmaException(
                "no ENMA stack is running (looked in " + locator.dataDir(config) + "); start one with"
                        + " `scripts/enma stack start`, or point ENMA at a cluster with " + Setting.HBASE_QUORUM.envVariable()
                        + " and " + Setting.MONGO_URI.envVariable()));
        return new Endpoints(config.hbaseQuorum().orElse("127.0.0.1"),
                config.hbaseQuorum().isPresent() ? config.hbasePort() : stack.zkPort(),
                config.mongoUri().orElse(stack.mongoUri()), config.mongoDatabase());
    }

    /** The HBase client configuration; {@code hbase-site.xml} on the classpath supplies anything not set here. */
    public Configuration hbaseConfiguration() {
        Configuration conf = HBaseConfiguration.create();
        conf.set(HConstants.ZOOKEEPER_QUORUM, zkQuorum);
        conf.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, zkPort);
        return conf;
    }

    /**
     * Fails at once, with a message, when no ZooKeeper host of the quorum answers: the HBase client would otherwise
     * retry for minutes before giving up.
     */
    public void requireZooKeeperReachable() {
        for (String host : zkQuorum.split(",")) {
            String h = host.trim();
            int port = zkPort;
            int colon = h.lastIndexOf(':');
            if (colon > 0) {
                port = Integer.parseInt(h.substring(colon + 1));
                h = h.substring(0, colon);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(h, port), PROBE_TIMEOUT_MS);
                return;
            } catch (IOException unreachable) {
                // try the next host of the quorum
            }
        }
        throw new EnmaException("cannot reach HBase's ZooKeeper at " + zkQuorum + " (port " + zkPort
                + "): check " + Setting.HBASE_QUORUM.envVariable() + " / " + Setting.HBASE_PORT.envVariable()
                + ", or that the stack is running (`scripts/enma stack status`)");
    }
}

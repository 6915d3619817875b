package org.enma.config;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hbase.thirdparty.com.google.common.net.HostAndPort;
import org.enma.schema.EnmaException;

/**
 * Where HBase (its ZooKeeper quorum) and MongoDB are, once the configuration is resolved: a configured cluster, or
 * the embedded stack found by {@link StackLocator}. Each side is resolved on its own, so HBase on a cluster with
 * MongoDB embedded (or the reverse) works too. Serializable: Spark executors open their own connections from it.
 */
public record Endpoints(String zkQuorum, int zkPort, String mongoUri, String mongoDatabase) implements Serializable {
    private static final int PROBE_TIMEOUT_MS = 3000;

    public Endpoints {
        zooKeepers(zkQuorum, zkPort);
    }

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
        for (HostAndPort zk : zooKeepers(zkQuorum, zkPort)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(zk.getHost(), zk.getPort()), PROBE_TIMEOUT_MS);
                return;
            } catch (IOException unreachable) {
                // try the next host of the quorum
            }
        }
        throw new EnmaException("cannot reach HBase's ZooKeeper at " + zkQuorum + " (port " + zkPort
                + "): check " + Setting.HBASE_QUORUM.envVariable() + " / " + Setting.HBASE_PORT.envVariable()
                + ", or that the stack is running (`scripts/enma stack status`)");
    }

    /**
     * The quorum's hosts, each with its own port or {@code defaultPort}: {@code zk1}, {@code zk1:2181}, {@code
     * [::1]:2181} (an IPv6 address with a port goes in brackets, as in a URL). A malformed entry is refused naming it
     * and the setting. Parsed with the HostAndPort of the HBase client's own shaded Guava: always on the classpath
     * with HBase, unlike a Guava of Spark's or Hadoop's choosing.
     */
    static List<HostAndPort> zooKeepers(String quorum, int defaultPort) {
        List<HostAndPort> hosts = new ArrayList<>();
        for (String entry : quorum.split(",", -1)) {
            try {
                HostAndPort zk = HostAndPort.fromString(entry.trim()).withDefaultPort(defaultPort);
                if (zk.getHost().isEmpty()) {
                    throw new IllegalArgumentException("no host");
                }
                hosts.add(zk);
            } catch (IllegalArgumentException e) {
                throw new EnmaException(Setting.HBASE_QUORUM.key() + " (" + Setting.HBASE_QUORUM.envVariable()
                        + "): \"" + entry.trim() + "\" is not host or host:port (" + e.getMessage() + "); write an"
                        + " IPv6 address with a port in brackets, e.g. [::1]:2181");
            }
        }
        return hosts;
    }
}

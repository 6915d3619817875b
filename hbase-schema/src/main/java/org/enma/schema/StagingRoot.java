package org.enma.schema;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.ServerName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;

/**
 * Where bulk-written HFiles (of {@code enma load --bulk}, and of {@code enma rollup}'s Spark tasks) wait for the
 * region servers, which read them from there. A staging root on this machine's local filesystem (the default, the
 * system temp directory) is right for the embedded stack and the one-machine rig, but region servers (or Spark
 * executors, which write the rollup's files) on other hosts cannot use it: the hand-over at the end would fail after
 * every row was sorted and written. Checked before the first row is read.
 */
public final class StagingRoot {
    private StagingRoot() {
    }

    /**
     * Fails when {@code fs} is local and a region server of {@code connection}'s cluster runs on another host;
     * {@code remedy} says how to give another root, e.g. "give --staging".
     */
    public static void requireReadableByRegionServers(FileSystem fs, String root, Connection connection, String remedy)
            throws IOException {
        List<String> hosts = new ArrayList<>();
        try (Admin admin = connection.getAdmin()) {
            for (ServerName server : admin.getRegionServers()) {
                hosts.add(server.getHostname());
            }
        }
        requireReadable("file".equals(fs.getScheme()), root, "region servers", hosts, remedy);
    }

    /**
     * Fails when the root is on a local filesystem and one of {@code hosts} (of the {@code who}, e.g. "region
     * servers") is another machine.
     */
    public static void requireReadable(boolean localFilesystem, String root, String who, Collection<String> hosts,
                                       String remedy) {
        if (!localFilesystem) {
            return;
        }
        Set<InetAddress> own = ownAddresses();
        Set<String> remote = new TreeSet<>();
        for (String host : hosts) {
            if (!isThisMachine(host, own)) {
                remote.add(host);
            }
        }
        if (!remote.isEmpty()) {
            throw new EnmaException("the staging directory " + root + " is on this machine's local filesystem, but"
                    + " " + who + " run on " + String.join(", ", remote) + ", which cannot use it: " + remedy
                    + " a directory of HBase's filesystem, e.g. hdfs:///tmp/enma (nothing was written)");
        }
    }

    private static boolean isThisMachine(String host, Set<InetAddress> own) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || own.contains(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    /** The addresses of this machine's interfaces (loopback is told apart by the address itself). */
    private static Set<InetAddress> ownAddresses() {
        Set<InetAddress> own = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                own.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException unlisted) {
            // only loopback addresses count as this machine then
        }
        return own;
    }
}

package org.enma.cli.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.snapshot.ExportSnapshot;
import org.apache.hadoop.util.ToolRunner;
import org.enma.schema.EnmaException;

/** HBase's ExportSnapshot, run in this process (Hadoop's local job runner, one mapper), between two HBase roots. */
final class Snapshots {
    private Snapshots() {
    }

    private static boolean isLocal(Configuration conf, Path path) throws IOException {
        return "file".equals(path.getFileSystem(conf).getUri().getScheme());
    }

    /** The client configuration with the cluster's root directory, which ExportSnapshot reads snapshots from. */
    static Configuration conf(Connection hbase, String hbaseRoot) {
        Configuration conf = new Configuration(hbase.getConfiguration());
        conf.set(HConstants.HBASE_DIR, hbaseRoot);
        conf.set("mapreduce.framework.name", "local");
        // the local filesystem cannot hflush; HBase must not insist (as for the embedded stack)
        conf.setBoolean("hbase.unsafe.stream.capability.enforce", false);
        return conf;
    }

    /** Copies {@code snapshot} with its files from the HBase root {@code from} to the one {@code to}. */
    static void export(Configuration conf, String snapshot, Path from, Path to) throws IOException {
        List<String> args = new ArrayList<>(List.of("-snapshot", snapshot, "-copy-from", from.toString(), "-copy-to",
                to.toString(), "-mappers", "1"));
        if (isLocal(conf, from) || isLocal(conf, to)) {
            // The local filesystem's checksums are those of its .crc side files, which HBase's own writes do not
            // have: the copy would never match. The manifest's SHA-256 of every file and the restore's cell
            // checksum check the copy instead.
            args.add("-no-checksum-verify");
        }
        int status;
        try {
            status = ToolRunner.run(new Configuration(conf), new ExportSnapshot(), args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IOException("exporting snapshot " + snapshot + " from " + from + " to " + to + " failed: "
                    + e.getMessage(), e);
        }
        if (status != 0) {
            throw new EnmaException("exporting snapshot " + snapshot + " from " + from + " to " + to + " failed"
                    + " (ExportSnapshot exit " + status + "; run with --verbose for its log)");
        }
    }
}

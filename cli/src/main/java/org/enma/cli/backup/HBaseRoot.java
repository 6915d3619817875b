package org.enma.cli.backup;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HConstants;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.config.StackLocator;
import org.enma.config.StackState;
import org.enma.schema.EnmaException;

/**
 * The root directory of the HBase that the settings point at: snapshots are exported from it and imported into it.
 * The client cannot ask HBase for it, so it comes from the setting {@code hbase.rootdir}, else from an {@code
 * hbase-site.xml} on the classpath, else from the embedded stack's data directory.
 */
public final class HBaseRoot {
    private HBaseRoot() {
    }

    public static String of(EnmaConfig config, Configuration hbase) {
        if (config.hbaseRootDir().isPresent()) {
            return config.hbaseRootDir().get();
        }
        String[] sources = hbase.getPropertySources(HConstants.HBASE_DIR);
        if (sources != null && Arrays.asList(sources).contains("hbase-site.xml")) {
            return hbase.get(HConstants.HBASE_DIR);
        }
        if (config.hbaseQuorum().isEmpty()) {
            return StackLocator.forUser().running(config).map(StackState::dataDir)
                    .map(data -> data.resolve("hbase").toUri().toString())
                    .orElseThrow(() -> new EnmaException("no ENMA stack is running: nothing to back up or restore"));
        }
        throw new EnmaException("backup and restore need HBase's root directory: set " + Setting.HBASE_ROOTDIR.key()
                + " (" + Setting.HBASE_ROOTDIR.envVariable() + ", " + Setting.HBASE_ROOTDIR.flag() + ") to the"
                + " cluster's hbase.rootdir, e.g. hdfs://namenode:8020/hbase");
    }
}

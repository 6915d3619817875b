package org.enma.bench;

import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CompactionState;

/**
 * Waits until the stack is idle between two contenders: every table of the namespace flushed and no compaction
 * running, so that no contender pays for the flushes and compactions its predecessor left behind. With argument
 * {@code compact}, major-compacts every table first (one store file per region: the steady state HBase's periodic
 * major compactions keep, instead of whatever a bulk load left) and waits for that too.
 */
public final class Quiesce {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private Quiesce() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchTables tables = new BenchTables(); Admin admin = tables.connection().getAdmin()) {
            TableName[] names = admin.listTableNamesByNamespace(tables.namespace());
            boolean compact = args.length > 0 && args[0].equals("compact");
            for (TableName name : names) {
                admin.flush(name);
                if (compact) {
                    admin.majorCompact(name);
                }
            }
            if (compact) {
                // the request is queued: give the region servers a moment to start before watching them finish
                Thread.sleep(5000);
            }
            Instant deadline = Instant.now().plus(LIMIT);
            int quietChecks = 0;
            while (quietChecks < 3 && Instant.now().isBefore(deadline)) {
                boolean busy = false;
                for (TableName name : names) {
                    busy |= admin.getCompactionState(name) != CompactionState.NONE;
                }
                quietChecks = busy ? 0 : quietChecks + 1;
                Thread.sleep(1000);
            }
        }
    }
}

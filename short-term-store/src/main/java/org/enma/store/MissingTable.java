package org.enma.store;

import org.apache.hadoop.hbase.TableNotFoundException;

/**
 * HBase's "no such table" however the client reports it: thrown by the call, or wrapped — a scanner's iterator wraps
 * it in a RuntimeException, a retrying caller in its own. Readers of tables that appear only once a job has run (period
 * tables, trust tables) take it as "nothing yet" (the API answered 500 for a company not yet rolled up when only the
 * unwrapped one was caught).
 */
final class MissingTable {
    private MissingTable() {
    }

    static boolean causes(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TableNotFoundException) {
                return true;
            }
        }
        return false;
    }
}

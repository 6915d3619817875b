package org.enma.loaders;

import java.io.IOException;
import org.apache.hadoop.hbase.client.Put;

/**
 * Where a load's rows go: Puts sent in batches ({@link PutSink}), or HFiles bulk-loaded at the end. A load calls
 * {@link #commit()} once, after its last row and only when nothing failed; {@link #close()} always. A sink closed
 * without a commit aborts: the bulk path hands nothing to the table.
 */
interface CellSink extends AutoCloseable {
    /** {@code duplicateKey}: an earlier row of this load had the same key, and this later one must win. */
    void write(Put put, boolean duplicateKey) throws IOException;

    /** Whether rows written show in the table only at {@link #commit()} (HFiles), not as they are written (Puts). */
    boolean visibleAtCommit();

    /**
     * Starts what {@link #commit()} can do before the load's last work is done (the bulk path writes its last HFiles),
     * so that the two overlap; the rows still show only at the commit.
     */
    default void startCommit() throws IOException {
    }

    /** Makes everything written so far durable in the table. */
    void commit() throws IOException;

    /** Releases what the sink holds; without a {@link #commit()} first, the load's rows are abandoned. */
    @Override
    void close() throws IOException;
}

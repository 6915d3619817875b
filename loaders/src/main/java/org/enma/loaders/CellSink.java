package org.enma.loaders;

import java.io.IOException;
import org.apache.hadoop.hbase.client.Put;

/** Where a load's rows go: Puts through a BufferedMutator, or HFiles bulk-loaded at the end. */
interface CellSink extends AutoCloseable {
    /** {@code duplicateKey}: an earlier row of this load had the same key, and this later one must win. */
    void write(Put put, boolean duplicateKey) throws IOException;

    /** Makes everything written so far durable in the table. */
    @Override
    void close() throws IOException;
}

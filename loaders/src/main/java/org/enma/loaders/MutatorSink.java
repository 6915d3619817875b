package org.enma.loaders;

import java.io.IOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;

/**
 * The Put path: a BufferedMutator with a buffer large enough to keep every region server busy. Rows reach the table
 * as the buffer fills, so an aborted load leaves the rows sent before the failure (the load is idempotent: its rerun
 * writes the same cells); what the buffer still holds is sent on close as well, since BufferedMutator cannot drop it.
 */
final class MutatorSink implements CellSink {
    static final long WRITE_BUFFER_BYTES = 8L << 20;

    private final BufferedMutator mutator;

    MutatorSink(Connection connection, TableName table) throws IOException {
        this.mutator = connection.getBufferedMutator(new BufferedMutatorParams(table)
                .writeBufferSize(WRITE_BUFFER_BYTES));
    }

    @Override
    public void write(Put put, boolean duplicateKey) throws IOException {
        if (duplicateKey) {
            // The buffered mutator sends batches concurrently: the earlier row must land before the later one leaves.
            mutator.flush();
        }
        mutator.mutate(put);
    }

    @Override
    public boolean visibleAtCommit() {
        return false;
    }

    @Override
    public void commit() throws IOException {
        mutator.flush();
    }

    @Override
    public void close() throws IOException {
        mutator.close();
    }
}

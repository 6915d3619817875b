package org.enma.loaders;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;

/**
 * The Put path: a BufferedMutator with HBase's default write buffer (2 MB, what ImportTsv's TableOutputFormat uses).
 * Rows reach the table as the buffer fills, so an aborted load leaves the rows sent before the failure (the load is
 * idempotent: its rerun writes the same cells); what the buffer still holds is sent on close as well, since
 * BufferedMutator cannot drop it.
 * <p>
 * Cells carry the time they are handed to the mutator, never earlier than the row before, as their timestamp (as
 * ImportTsv's do, and the bulk path's): a cell the client leaves at "latest" costs the region server more, and a
 * side-by-side load of 2 M rows took 5 % longer that way. A later duplicate in the file therefore carries the same or a
 * later timestamp; it is sent after the earlier one has landed, and of two writes with one timestamp HBase keeps the
 * last. The loading machine's clock and the region servers' must agree, as HBase asks of every node anyway: a derive
 * or validate run stamps its writes with the region server's clock.
 */
final class MutatorSink implements CellSink {
    private final BufferedMutator mutator;
    private long lastStamp;

    MutatorSink(Connection connection, TableName table) throws IOException {
        // an 8 MB buffer took 20-30 % longer than the default on 2 M rows: fewer, larger batches the region server
        // works through while the client waits, instead of smaller ones overlapping with the next
        this.mutator = connection.getBufferedMutator(new BufferedMutatorParams(table));
    }

    @Override
    public void write(Put put, boolean duplicateKey) throws IOException {
        if (duplicateKey) {
            // The buffered mutator sends batches concurrently: the earlier row must land before the later one leaves.
            mutator.flush();
        }
        lastStamp = Math.max(lastStamp, System.currentTimeMillis());
        for (List<Cell> cells : put.getFamilyCellMap().values()) {
            for (Cell cell : cells) {
                // Cells builds rows with Put.addColumn, whose cells are KeyValues: stamped in place, no copy
                ((KeyValue) cell).setTimestamp(lastStamp);
            }
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

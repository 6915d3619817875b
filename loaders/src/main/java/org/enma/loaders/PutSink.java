package org.enma.loaders;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Row;
import org.apache.hadoop.hbase.client.Table;

/**
 * The Put path: rows in batches of {@value #BATCH_ROWS}, each sent whole with {@link Table#put(List)} (with {@link
 * Table#batch} where validation's deletes go with them, {@link ValidationMarks}) on a sender
 * thread while the next fills, {@value #IN_FLIGHT} batches at most on their way. Rows reach the table batch by batch,
 * so an aborted load leaves the batches sent before the failure (the load is idempotent: its rerun writes the same
 * cells).
 * <p>
 * Why not a BufferedMutator, as ImportTsv's TableOutputFormat uses: it takes from its buffer only the rows of regions
 * with no request on their way, so with every region in every batch (the keys' buckets spread a contract's hours over
 * all of them) it scanned and sized the same rows again and again — a fifth of the client's CPU — and sent smaller
 * requests. Side by side on 2 M rows: 33-36 s through a BufferedMutator, 22-23 s this way. A batch stays under the
 * 5,000 rows per request above which region servers log a warning (and reject, where
 * {@code hbase.rpc.rows.size.threshold.reject} is set); two on their way keep the region servers busy meanwhile.
 * <p>
 * Cells carry the time they are handed over, never earlier than the row before, as their timestamp (as ImportTsv's
 * do, and the bulk path's): cells left at "latest" cost the region server more (5 % of a 2 M-row load). A later
 * duplicate in the file therefore carries the same or a later timestamp; it is sent once every earlier row has landed,
 * and of two writes with one timestamp HBase keeps the last. The loading machine's clock and the region servers' must
 * agree, as HBase asks of every node anyway: a derive run stamps its writes with the region server's clock.
 * <p>
 * Public for the load benchmark's ceiling, which writes pre-built rows through it.
 */
public final class PutSink implements CellSink {
    static final int BATCH_ROWS = 4096;
    static final int IN_FLIGHT = 2;

    private final Connection connection;
    private final TableName table;
    private final ExecutorService senders;
    private final ValidationMarks marks;
    private final ArrayDeque<Future<?>> sending = new ArrayDeque<>();
    private List<Row> filling = new ArrayList<>(BATCH_ROWS);
    private long lastStamp;

    public PutSink(Connection connection, TableName table) {
        this(connection, table, ValidationMarks.NONE);
    }

    /** {@code marks}: what each uploaded {@code v} deletes beside it, sent as a Delete of the same stamp. */
    PutSink(Connection connection, TableName table, ValidationMarks marks) {
        this.connection = connection;
        this.table = table;
        this.marks = marks;
        this.senders = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
            Thread t = new Thread(r, "enma-put-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void write(Put put, boolean duplicateKey) throws IOException {
        if (duplicateKey) {
            // the earlier row must land before the later one leaves
            send();
            awaitSent(0);
        }
        lastStamp = Math.max(lastStamp, System.currentTimeMillis());
        for (List<Cell> cells : put.getFamilyCellMap().values()) {
            for (Cell cell : cells) {
                // Cells builds rows with Put.addColumn, whose cells are KeyValues: stamped in place, no copy
                ((KeyValue) cell).setTimestamp(lastStamp);
            }
        }
        filling.add(put);
        List<KeyValue> cleared = marks.of(put, lastStamp);
        if (!cleared.isEmpty()) {
            Delete delete = new Delete(put.getRow());
            for (KeyValue marker : cleared) {
                delete.add(marker);
            }
            filling.add(delete);
        }
        // a Delete counts as a row of the request too
        if (filling.size() >= BATCH_ROWS) {
            send();
        }
    }

    private void send() throws IOException {
        if (filling.isEmpty()) {
            return;
        }
        awaitSent(IN_FLIGHT - 1);
        List<Row> batch = filling;
        filling = new ArrayList<>(BATCH_ROWS);
        sending.add(senders.submit(() -> {
            // a Table is light and not for sharing between threads: one per batch
            try (Table target = connection.getTable(table)) {
                if (marks == ValidationMarks.NONE) {
                    // Puts only: sent as they always were, the benchmarked path
                    target.put(puts(batch));
                } else {
                    target.batch(batch, new Object[batch.size()]);
                }
            }
            return null;
        }));
    }

    @SuppressWarnings("unchecked")
    private static List<Put> puts(List<Row> rows) {
        return (List<Put>) (List<?>) rows;
    }

    /** Waits until at most {@code left} batches are on their way, oldest first; a failed one fails the load. */
    private void awaitSent(int left) throws IOException {
        while (sending.size() > left) {
            Awaited.get(sending.poll(), "writing rows to " + table.getNameAsString());
        }
    }

    @Override
    public boolean visibleAtCommit() {
        return false;
    }

    @Override
    public void commit() throws IOException {
        send();
        awaitSent(0);
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}

package org.enma.loaders;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;

/**
 * The table a load writes into. A table that does not exist yet is created on a thread of its own while the first
 * rows are parsed (creating ten pre-split regions takes about two seconds); the bulk path sorts rows into the regions
 * the table is being created with and waits for it only when it writes the first HFiles.
 */
final class TargetTable {
    private final CompletableFuture<TableName> ready;
    /** The region start keys the table is being created with; {@code null}: ask the table. */
    private final byte[][] plannedStarts;

    private TargetTable(CompletableFuture<TableName> ready, byte[][] plannedStarts) {
        this.ready = ready;
        this.plannedStarts = plannedStarts;
    }

    /** Starts creating {@code table} unless it exists. */
    static TargetTable open(TableCreator creator, EnmaTable table) throws IOException {
        if (creator.exists(table)) {
            return existing(creator.ensure(table));
        }
        CompletableFuture<TableName> ready = new CompletableFuture<>();
        Thread creating = new Thread(() -> {
            try {
                ready.complete(creator.ensure(table));
            } catch (Throwable e) {
                // whatever it is, the loading thread must hear of it rather than wait forever
                ready.completeExceptionally(e);
            }
        }, "enma-table-creator");
        creating.setDaemon(true);
        creating.start();
        return new TargetTable(ready, creator.regionStarts(table));
    }

    static TargetTable existing(TableName name) {
        return new TargetTable(CompletableFuture.completedFuture(name), null);
    }

    /** The table, once it exists. */
    TableName await() throws IOException {
        return Awaited.get(ready, "the table was being created");
    }

    /** The start keys of the table's regions in key order, the first being the empty key. */
    byte[][] regionStarts(Connection connection) throws IOException {
        if (plannedStarts != null) {
            return plannedStarts.clone();
        }
        try (RegionLocator locator = connection.getRegionLocator(await())) {
            byte[][] starts = locator.getStartKeys();
            Arrays.sort(starts, Bytes.BYTES_COMPARATOR);
            return starts;
        }
    }
}

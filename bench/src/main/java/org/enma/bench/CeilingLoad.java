package org.enma.bench;

import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Put;
import org.enma.loaders.PutSink;

/**
 * The ceiling: the cells of a finished `enma load` (args: its company) as pre-built Puts, written into a fresh table
 * (args: the ceiling's company) through the loader's own Put path ({@link PutSink}): what `enma load` would take if
 * reading, checking, mapping and recording its rows cost nothing. The time printed covers table creation and
 * writing only. Prints {@code rows=N seconds=S}.
 */
public final class CeilingLoad {
    private CeilingLoad() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchTables tables = new BenchTables()) {
            List<Put> puts = LoadedCells.read(tables.connection(), tables.consumption(args[0]));
            long started = System.nanoTime();
            TableName target = tables.create(args[1]);
            try (PutSink sink = new PutSink(tables.connection(), target)) {
                for (Put put : puts) {
                    sink.write(put, false);
                }
                sink.commit();
            }
            System.out.printf("rows=%d seconds=%.3f%n", puts.size(), (System.nanoTime() - started) / 1e9);
        }
    }
}

package org.enma.bench;

import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Put;

/**
 * The ceiling: the cells of a finished `enma load` (args: its company) as pre-built Puts, written into a fresh table
 * (args: the ceiling's company) through a BufferedMutator as the loader's Put path uses it (HBase's default buffer,
 * cells stamped by the client). No parsing, no checks: the time printed covers table creation and writing only.
 * Prints {@code rows=N seconds=S}.
 */
public final class CeilingLoad {
    private CeilingLoad() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchTables tables = new BenchTables()) {
            List<Put> puts = LoadedCells.read(tables.connection(), tables.consumption(args[0]));
            long started = System.nanoTime();
            TableName target = tables.create(args[1]);
            try (BufferedMutator mutator = tables.connection().getBufferedMutator(new BufferedMutatorParams(target))) {
                for (Put put : puts) {
                    mutator.mutate(put);
                }
            }
            System.out.printf("rows=%d seconds=%.3f%n", puts.size(), (System.nanoTime() - started) / 1e9);
        }
    }
}

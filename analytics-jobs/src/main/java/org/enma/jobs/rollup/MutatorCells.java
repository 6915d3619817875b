package org.enma.jobs.rollup;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.Period;

/** Changes sent as Puts and Deletes: the driver's few rows of company totals. */
record MutatorCells(BufferedMutator out) implements PeriodCells {
    @Override
    public void write(byte[] row, Period period, Map<String, String> changed, List<String> vanished)
            throws IOException {
        byte[] family = period.family().bytes();
        if (!changed.isEmpty()) {
            Put put = new Put(row);
            changed.forEach((q, v) -> put.addColumn(family, Bytes.toBytes(q), Bytes.toBytes(v)));
            out.mutate(put);
        }
        if (!vanished.isEmpty()) {
            Delete delete = new Delete(row);
            vanished.forEach(q -> delete.addColumns(family, Bytes.toBytes(q)));
            out.mutate(delete);
        }
    }
}

package org.enma.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.MeasureKey;

/**
 * The cells `enma load` stored, read back as Puts: the baselines write exactly these cells, so every contender
 * writes the same data, and in the order of the upload (contract by contract, each in time order), since write
 * order changes what the region server's memstore does.
 */
final class LoadedCells {
    private LoadedCells() {
    }

    static List<Put> read(Connection connection, TableName table) throws IOException {
        List<Put> puts = new ArrayList<>();
        try (Table t = connection.getTable(table);
             ResultScanner scanner = t.getScanner(new Scan().setCaching(10_000).setCacheBlocks(false))) {
            for (Result r : scanner) {
                Put put = new Put(r.getRow());
                for (Cell c : r.rawCells()) {
                    put.addColumn(CellUtil.cloneFamily(c), CellUtil.cloneQualifier(c), CellUtil.cloneValue(c));
                }
                puts.add(put);
            }
        }
        puts.sort(Comparator.comparing((Put p) -> MeasureKey.decode(p.getRow()).id())
                .thenComparingLong(p -> MeasureKey.decode(p.getRow()).timestamp()));
        return puts;
    }
}

package org.enma.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.mapreduce.ImportTsv;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.util.ToolRunner;

/**
 * What users would pick instead of `enma load`: HBase's ImportTsv (local job runner, Puts through
 * TableOutputFormat). ImportTsv cannot compute ENMA keys, so the cells of a finished `enma load` (args: its company)
 * are exported first as {@code key,v,va,calc} (not timed); the job then loads them into a fresh table (args: the
 * baseline's company, a work directory). Prints {@code rows=N seconds=S} for the job alone.
 */
public final class ImportTsvLoad {
    private static final String[] COLUMNS = {"v", "va", "calc"};

    private ImportTsvLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[2]).resolve("importtsv-input.csv");
        TableName target;
        Configuration conf;
        int rows;
        try (BenchTables tables = new BenchTables()) {
            List<Put> puts = LoadedCells.read(tables.connection(), tables.consumption(args[0]));
            rows = puts.size();
            try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                for (Put put : puts) {
                    out.write(Bytes.toString(put.getRow()));
                    for (String q : COLUMNS) {
                        out.write(',');
                        var cells = put.get(Bytes.toBytes("m"), Bytes.toBytes(q));
                        if (!cells.isEmpty()) {
                            out.write(Bytes.toString(CellUtil.cloneValue(cells.get(0))));
                        }
                    }
                    out.write('\n');
                }
            }
            target = tables.create(args[1]);
            conf = HBaseConfiguration.create(tables.connection().getConfiguration());
        }
        conf.set("importtsv.separator", ",");
        conf.set("importtsv.columns", "HBASE_ROW_KEY,m:v,m:va,m:calc");
        conf.setBoolean("importtsv.skip.empty.columns", true);
        conf.set("mapreduce.framework.name", "local");
        conf.set("hadoop.tmp.dir", Path.of(args[2]).resolve("mapreduce").toString());
        long started = System.nanoTime();
        int code = ToolRunner.run(conf, new ImportTsv(), new String[] {target.getNameAsString(), input.toUri().toString()});
        if (code != 0) {
            throw new IllegalStateException("ImportTsv failed with exit code " + code);
        }
        System.out.printf("rows=%d seconds=%.3f%n", rows, (System.nanoTime() - started) / 1e9);
    }
}

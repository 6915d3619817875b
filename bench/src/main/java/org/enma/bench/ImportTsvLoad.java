package org.enma.bench;

import java.io.BufferedWriter;
import java.io.IOException;
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
 * baseline's company, a work directory). Prints {@code rows=N seconds=S} for creating the table (pre-split as ENMA
 * creates it: `enma load` and the ceiling create theirs in their time too) and the job.
 */
public final class ImportTsvLoad {
    private static final String[] COLUMNS = {"v", "va", "calc"};

    private ImportTsvLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[2]).resolve("importtsv-input.csv");
        try (BenchTables tables = new BenchTables()) {
            int rows = export(tables, args[0], input);
            Configuration conf = HBaseConfiguration.create(tables.connection().getConfiguration());
            conf.set("importtsv.separator", ",");
            conf.set("importtsv.columns", "HBASE_ROW_KEY,m:v,m:va,m:calc");
            conf.setBoolean("importtsv.skip.empty.columns", true);
            conf.set("mapreduce.framework.name", "local");
            conf.set("hadoop.tmp.dir", Path.of(args[2]).resolve("mapreduce").toString());
            long started = System.nanoTime();
            TableName target = tables.create(args[1]);
            int code = ToolRunner.run(conf, new ImportTsv(), new String[] {target.getNameAsString(),
                input.toUri().toString()});
            if (code != 0) {
                throw new IllegalStateException("ImportTsv failed with exit code " + code);
            }
            System.out.printf("rows=%d seconds=%.3f%n", rows, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Writes the company's loaded cells as {@code key,v,va,calc} lines; their count. */
    private static int export(BenchTables tables, String company, Path input) throws IOException {
        List<Put> puts = LoadedCells.read(tables.connection(), tables.consumption(company));
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
        return puts.size();
    }
}

package org.enma.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.enma.schema.EnmaTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Lists the ENMA tables of the namespace from the region servers' metrics, without reading a"
                + " row: name, kind, regions, store files, store file MiB, uncompressed MiB, memstore MiB,"
                + " compression ratio (uncompressed / stored, - without files; HBase rounds each region up to a MiB); --count adds exact row counts (a scan"
                + " of every table). The column names go to stderr."})
final class TablesCommand implements Callable<Integer> {
    private static final String ROW = "%-45s %-12s %7s %6s %8s %8s %8s %6s";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--regions", description = "instead, how many regions of each table every region server holds"
            + " (name, kind, regions, then server=count ...)")
    boolean regions;

    @Option(names = "--count", description = "also count each table's rows exactly (a full scan: slow on big tables)")
    boolean count;

    @Option(names = "--json", description = "one JSON object per table: {\"table\": ..., \"kind\": ...,"
            + " \"regions\": N, \"storeFiles\": N, \"storeFileMiB\": N, \"uncompressedMiB\": N,"
            + " \"memStoreMiB\": N, \"compressionRatio\": X or null[, \"rows\": N]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (regions) {
            listRegions(spec, spec.commandLine().getOut());
        } else {
            list(spec, spec.commandLine().getOut(), spec.commandLine().getErr(), count, json);
        }
        return Enma.OK;
    }

    /** Prints each ENMA table's regions per region server: whether a cluster spreads the pre-split tables. */
    private static void listRegions(CommandSpec spec, PrintWriter out) throws IOException {
        try (HBaseSession session = HBaseSession.open(spec); Admin admin = session.admin()) {
            for (EnmaTable table : session.config().tableNames().list(admin)) {
                Map<String, Integer> perServer = new TreeMap<>();
                try (RegionLocator locator = session.connection().getRegionLocator(
                        session.config().tableNames().of(table))) {
                    for (HRegionLocation region : locator.getAllRegionLocations()) {
                        perServer.merge(region.getServerName().getAddress().toString(), 1, Integer::sum);
                    }
                }
                out.printf("%-45s %-12s %3d  %s%n", table.name(), table.kind().name().toLowerCase(Locale.ROOT),
                        perServer.values().stream().mapToInt(Integer::intValue).sum(), perServer.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
            }
        }
    }

    /**
     * Prints the ENMA tables of the namespace {@code spec}'s settings name, with their metrics, one per line on {@code
     * out}; the column names (text only) and notes go to {@code header}.
     */
    static void list(CommandSpec spec, PrintWriter out, PrintWriter header, boolean count, boolean json)
            throws IOException {
        try (HBaseSession session = HBaseSession.open(spec); Admin admin = session.admin()) {
            List<EnmaTable> tables = session.config().tableNames().list(admin);
            if (tables.isEmpty()) {
                header.println("no ENMA tables in namespace " + session.config().tableNames().hbaseNamespace()
                        + " yet");
            } else if (!json) {
                header.printf(ROW + "%s%n", "TABLE", "KIND", "REGIONS", "FILES", "MIB", "RAW_MIB", "MEM_MIB", "RATIO",
                        count ? " ROWS" : "").flush();
            }
            Map<TableName, TableMetrics> metrics = TableMetrics.of(admin);
            for (EnmaTable table : tables) {
                TableMetrics m = metrics.getOrDefault(session.config().tableNames().of(table), TableMetrics.NONE);
                String kind = table.kind().name().toLowerCase(Locale.ROOT);
                Long rows = count ? rows(session, table) : null;
                if (json) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("table", table.name());
                    line.put("kind", kind);
                    line.put("regions", m.regions());
                    line.put("storeFiles", m.storeFiles());
                    line.put("storeFileMiB", m.storeFileMiB());
                    line.put("uncompressedMiB", m.uncompressedMiB());
                    line.put("memStoreMiB", m.memStoreMiB());
                    line.put("compressionRatio", m.compressionRatio().map(TablesCommand::twoDecimals).orElse(null));
                    if (rows != null) {
                        line.put("rows", rows);
                    }
                    out.println(JSON.writeValueAsString(line));
                } else {
                    out.printf(ROW + "%s%n", table.name(), kind, m.regions(), m.storeFiles(), m.storeFileMiB(),
                            m.uncompressedMiB(), m.memStoreMiB(), m.compressionRatio()
                                    .map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("-"),
                            rows == null ? "" : " " + rows);
                }
            }
        }
    }

    private static double twoDecimals(double ratio) {
        return Math.round(ratio * 100) / 100.0;
    }

    private static long rows(HBaseSession session, EnmaTable table) throws IOException {
        Scan scan = new Scan().setFilter(new FirstKeyOnlyFilter()).setCaching(10_000).setCacheBlocks(false);
        long rows = 0;
        try (Table t = session.connection().getTable(session.config().tableNames().of(table));
             ResultScanner scanner = t.getScanner(scan)) {
            for (Result ignored : scanner) {
                rows++;
            }
        }
        return rows;
    }
}

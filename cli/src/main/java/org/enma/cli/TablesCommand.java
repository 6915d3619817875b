package org.enma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.HRegionLocation;
import java.util.concurrent.Callable;
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
        description = "Lists the ENMA tables of the namespace with their row counts (one line each: name, kind, rows).")
final class TablesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--regions", description = "instead of row counts, how many regions of each table every region"
            + " server holds (name, kind, regions, then server=count ...)")
    boolean regions;

    @Override
    public Integer call() throws IOException {
        if (regions) {
            listRegions(spec, spec.commandLine().getOut());
        } else {
            list(spec, spec.commandLine().getOut());
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

    /** Prints the ENMA tables of the namespace {@code spec}'s settings name. */
    static void list(CommandSpec spec, PrintWriter out) throws IOException {
        try (HBaseSession session = HBaseSession.open(spec); Admin admin = session.admin()) {
            List<EnmaTable> tables = session.config().tableNames().list(admin);
            if (tables.isEmpty()) {
                spec.commandLine().getErr().println("no ENMA tables in namespace "
                        + session.config().tableNames().hbaseNamespace() + " yet");
            }
            for (EnmaTable table : tables) {
                out.printf("%-45s %-12s %d%n", table.name(), table.kind().name().toLowerCase(Locale.ROOT), rows(session, table));
            }
        }
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

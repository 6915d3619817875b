package org.enma.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Prints rows of an ENMA table: `key  family:qualifier=value ...`, or one JSON object per row.")
final class ScanCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "table name without namespace, e.g. customers")
    String table;

    @Option(names = "--prefix", paramLabel = "P", description = "only rows whose key starts with P")
    String prefix;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "print at most N rows (default ${DEFAULT-VALUE}; 0: all)")
    long limit;

    @Option(names = "--json", description = "one JSON object per row: {\"key\": \"...\", \"m:v\": \"25\", ...}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (limit < 0) {
            throw new EnmaException("--limit must be 0 (all rows) or more, was " + limit);
        }
        EnmaTable enmaTable = EnmaTable.parse(table);
        PrintWriter out = spec.commandLine().getOut();
        Scan scan = new Scan().setCaching(limit > 0 && limit < 1000 ? (int) limit + 1 : 1000);
        if (prefix != null) {
            scan.setStartStopRowForPrefixScan(Bytes.toBytes(prefix));
        }
        long printed = 0;
        try (HBaseSession session = HBaseSession.open(spec);
             Table t = session.connection().getTable(session.existing(enmaTable));
             ResultScanner scanner = t.getScanner(scan)) {
            for (Result row : scanner) {
                if (limit > 0 && printed == limit) {
                    spec.commandLine().getErr().println("(more rows: raise --limit, or --limit 0 for all)");
                    break;
                }
                out.println(json ? JSON.writeValueAsString(asMap(row)) : asText(row));
                printed++;
            }
        }
        return Enma.OK;
    }

    private static Map<String, String> asMap(Result row) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", text(row.getRow()));
        for (Cell cell : row.rawCells()) {
            fields.put(column(cell), text(CellUtil.cloneValue(cell)));
        }
        return fields;
    }

    private static String asText(Result row) {
        StringBuilder line = new StringBuilder(text(row.getRow()));
        for (Cell cell : row.rawCells()) {
            line.append("  ").append(column(cell)).append('=').append(text(CellUtil.cloneValue(cell)));
        }
        return line.toString();
    }

    private static String column(Cell cell) {
        return text(CellUtil.cloneFamily(cell)) + ":" + text(CellUtil.cloneQualifier(cell));
    }

    /** UTF-8 text as ENMA writes it; bytes that are not UTF-8 (written by another tool) shown escaped, as HBase does. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Bytes.toStringBinary(bytes);
        }
    }
}

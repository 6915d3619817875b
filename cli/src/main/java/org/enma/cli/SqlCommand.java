package org.enma.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.jobs.JobLauncher;
import org.enma.jobs.source.EnmaCatalog;
import org.enma.jobs.submit.Arguments;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs Spark SQL over ENMA's tables: the catalog enma holds one namespace per company,"
                + " c<companyId>, with its tables (electricityConsumption, customers, tariffs, temperatureAir,"
                + " electricityConsumptionPeriods, ot101, ...). docs/spark.md lists their columns.",
            "With QUERY, runs it; without, reads statements (ended by ';') from stdin, or prompts when stdin is a"
                + " terminal. Rows go to stdout, the count and time to stderr. A statement that fails prints one"
                + " line and exits 1 (the prompt goes on)."})
final class SqlCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "one SQL statement")
    String query;

    @Option(names = "--company", paramLabel = "ID", description = "start in this company's namespace (USE"
            + " enma.c<ID>), so tables need no prefix")
    String company;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table (default), csv (with a header line) or json (one object per line)")
    Format format;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, as for enma run: local[*]"
            + " (default), spark://host:7077, ...")
    String master;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        EnmaConfig config = SparkJobOptions.config(spec, master);
        CompanyId companyId = company == null ? null : Arguments.valid(spec, () -> CompanyId.of(company));
        SparkSession spark = JobLauncher.session(config, "sql");
        EnmaCatalog.register(spark, config);
        if (companyId != null) {
            spark.sql("USE " + EnmaCatalog.NAME + "." + EnmaCatalog.namespaceOf(companyId));
        }
        if (query != null) {
            return execute(spark, query) ? Enma.OK : Enma.FAILED;
        }
        boolean prompt = System.console() != null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SqlStatements statements = new SqlStatements();
        while (true) {
            if (prompt) {
                err.print(statements.pending() ? "    -> " : "enma> ");
                err.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            for (String statement : statements.add(line)) {
                if (!execute(spark, statement) && !prompt) {
                    return Enma.FAILED;
                }
            }
        }
        String rest = statements.rest();
        return rest.isBlank() || execute(spark, rest) ? Enma.OK : Enma.FAILED;
    }

    /** Runs one statement and prints its rows; false (with one line on stderr) when it fails. */
    private boolean execute(SparkSession spark, String statement) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        try {
            Dataset<Row> result = spark.sql(statement);
            List<String> columns = List.of(result.columns());
            List<Row> rows = format == Format.json ? List.of() : result.collectAsList();
            switch (format) {
                case table -> new SqlTable(columns, rows).print(out);
                case csv -> SqlTable.csv(columns, rows, out);
                case json -> result.toJSON().collectAsList().forEach(out::println);
                default -> throw new IllegalStateException(format.name());
            }
            out.flush();
            long count = format == Format.json ? -1 : rows.size();
            err.printf("%s(%.1f s)%n", count < 0 ? "" : count + (count == 1 ? " row " : " rows "),
                    (System.nanoTime() - start) / 1e9);
            err.flush();
            return true;
        } catch (Exception e) {
            // Spark's AnalysisException (a Scala exception Java sees as checked): unknown table, parse error, ...
            if (e instanceof AnalysisException analysis) {
                return failed(err, analysis.getMessage());
            }
            EnmaException named = cause(e);
            if (named != null) {
                return failed(err, named.getMessage());
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static boolean failed(PrintWriter err, String message) {
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        err.println("enma sql: " + first);
        err.flush();
        return false;
    }

    /** The ENMA error a Spark failure carries (a source error raised in a task comes wrapped twice or more). */
    private static EnmaException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EnmaException enma) {
                return enma;
            }
        }
        return null;
    }
}

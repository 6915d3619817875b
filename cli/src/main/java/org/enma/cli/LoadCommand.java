package org.enma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.hbase.client.Admin;
import org.enma.jobs.submit.Arguments;
import org.enma.loaders.FileLoad;
import org.enma.loaders.InputKind;
import org.enma.loaders.LoadReport;
import org.enma.loaders.LoadResult;
import org.enma.loaders.Loader;
import org.enma.schema.CompanyId;
import org.enma.store.MongoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads CSV uploads (plain or .csv.gz) into HBase. Bad rows go to <file>.rejects.csv with"
                + " line and reason; the load goes on. Ends with: read=N stored=N rejected=N duplicates=N.",
                "Exit 0: every row stored; 3: some rows rejected, all others stored; 1: a file could not be loaded"
                        + " (nothing written) or every row was rejected."})
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "consumption, tou, tertiary, customers, tariffs, weather or stations")
    String kind;

    @Parameters(index = "1..*", paramLabel = "FILE", arity = "1..*", description = "CSV files to load")
    List<Path> files;

    @Option(names = "--company", paramLabel = "ID", description = "10-digit company id (every kind but weather)")
    String company;

    @Option(names = "--type", paramLabel = "T",
            description = "measure type: consumption kinds (default electricityConsumption), weather (default"
                    + " temperatureAir)")
    String type;

    @Option(names = "--bulk", description = "write HFiles and bulk-load them (HBase's bulk-load mechanism) instead"
            + " of sending Puts: same cells, same reports")
    boolean bulk;

    @Option(names = "--staging", paramLabel = "DIR", description = "with --bulk: where HFiles are written before the"
            + " bulk load; region servers must read it (default: the setting bulk.staging, else the system temp"
            + " directory, right for the embedded stack; use an hdfs:// directory for a cluster)")
    String staging;

    @Override
    public Integer call() throws Exception {
        InputKind input = InputKind.parse(kind);
        Optional<CompanyId> companyId = companyOf(input);
        if (type != null && !input.takesType()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--type does not apply to " + kind);
        }
        String measureType = type != null ? type : input.defaultType();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (staging != null && !bulk) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--staging goes with --bulk");
        }
        LoadResult result;
        try (HBaseSession session = HBaseSession.open(spec); Admin admin = session.admin();
             MongoStore mongo = session.mongo()) {
            Loader loader = session.loader(admin, err, mongo);
            result = (bulk ? loader.bulk(staging != null ? staging : session.config().bulkStaging()) : loader)
                    .load(input, companyId, measureType, files);
        }
        LoadReport total = result.total();
        for (FileLoad load : result.files()) {
            err.printf("%s: %s in %.1f s (%,.0f rows/s)%s%n", load.file(), load.report().summaryLine(),
                    load.elapsed().toMillis() / 1000.0, load.rowsPerSecond(),
                    load.rejects().map(r -> " (rejected rows in " + r + ")").orElse(""));
        }
        err.printf("loaded in %.1f s (%,.0f rows/s)%n", result.elapsed().toMillis() / 1000.0, result.rowsPerSecond());
        out.println(total.summaryLine());
        if (total.rejected() == 0) {
            return Enma.OK;
        }
        if (total.stored() == 0) {
            err.println("enma: every row was rejected; the rejects files say why");
            return Enma.FAILED;
        }
        return Enma.PARTIAL;
    }

    private Optional<CompanyId> companyOf(InputKind input) {
        if (!input.takesCompany()) {
            if (company != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "weather tables are shared by all companies: --company does not apply");
            }
            return Optional.empty();
        }
        if (company == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--company is required for " + kind);
        }
        return Optional.of(Arguments.valid(spec, () -> CompanyId.of(company)));
    }
}

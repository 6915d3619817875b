package org.enma.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enma.loaders.synthetic.SyntheticCompany;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a synthetic company as upload CSVs (customers, tariffs, stations, temperatureAir,"
                + " consumption read every --interval, with --faults the faults of a real export and faults.csv); the"
                + " same seed gives the same files.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--company", required = true, paramLabel = "ID", description = "10-digit company id")
    String company;

    @Option(names = "--contracts", required = true, paramLabel = "N", description = "number of contracts")
    int contracts;

    @Option(names = "--start", required = true, paramLabel = "YYYYMM", description = "first month")
    String start;

    @Option(names = "--months", required = true, paramLabel = "M", description = "number of months")
    int months;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--interval", paramLabel = "15m|30m|1h|1d", defaultValue = "1h",
            description = "how often the meters read (default ${DEFAULT-VALUE}): daily readings make large companies"
                    + " cheap to generate and load")
    String interval;

    @Option(names = "--faults", description = "inject the faults of a real head-end export (gaps, spikes, frozen"
            + " runs, negative and off-grid readings, meter swaps) at the rates docs/cli.md gives, and write their"
            + " ground truth to faults.csv")
    boolean faults;

    @Override
    public Integer call() throws Exception {
        if (contracts < 1 || months < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--contracts and --months must be at least 1");
        }
        SyntheticCompany.Interval every;
        try {
            every = SyntheticCompany.Interval.of(interval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--interval: " + e.getMessage());
        }
        SyntheticCompany synthetic = new SyntheticCompany(CompanyId.of(company), contracts, Month.parse(start), months,
                seed, every);
        Map<Path, Long> files = (faults ? synthetic.withFaults() : synthetic).writeTo(out);
        files.forEach((file, rows) -> spec.commandLine().getOut().println(file + " rows=" + rows));
        return Enma.OK;
    }
}

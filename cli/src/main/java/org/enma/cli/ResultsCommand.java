package org.enma.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.enma.jobs.Analytics;
import org.enma.jobs.submit.Arguments;
import org.enma.schema.CompanyId;
import org.enma.schema.Identifier;
import org.enma.schema.Month;
import org.enma.store.MirrorValues;
import org.enma.store.MongoStore;
import org.enma.store.ResultReader;
import org.enma.store.Setups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Prints an analytic's results: MongoDB first, the HBase mirror for months MongoDB no longer"
                + " holds. One line per result: month, contract, setupId, then field=value; --json: one document"
                + " per line.", "OT is one ENMA runs (OT101, ...) or one written back from Spark (docs/spark.md)."})
final class ResultsCommand implements Callable<Integer> {
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final Set<String> IDENTITY = Set.of("_id", "contractId", "companyId", "month", "setupId");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OT", description = "the analytic, e.g. OT101")
    String ot;

    @Option(names = "--company", paramLabel = "ID", required = true, description = "10-digit company id")
    String company;

    @Option(names = "--contract", paramLabel = "ID", description = "only this contract")
    String contract;

    @Option(names = "--month", paramLabel = "YYYYMM", description = "one month")
    String month;

    @Option(names = "--from", paramLabel = "YYYYMM", description = "first month of a range (with --to)")
    String from;

    @Option(names = "--to", paramLabel = "YYYYMM", description = "last month of a range (with --from)")
    String to;

    @Option(names = "--json", description = "one JSON document per line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CompanyId companyId = Arguments.valid(spec, () -> CompanyId.of(company));
        if (contract != null) {
            Arguments.valid(spec, () -> Identifier.require("contractId", contract));
        }
        List<Month> months = months();
        List<Document> results = new ArrayList<>();
        try (HBaseSession session = HBaseSession.open(spec); MongoStore mongo = session.mongo()) {
            String name = analytic(mongo);
            ResultReader reader = new ResultReader(mongo.database(), session.connection(),
                    session.config().tableNames());
            if (contract != null) {
                results.addAll(reader.contract(name, companyId, contract, months.get(0),
                        months.get(months.size() - 1)));
            } else {
                for (Month m : months) {
                    results.addAll(reader.month(name, companyId, m, Optional.empty(), 0, Integer.MAX_VALUE).items());
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Document doc : results) {
            out.println(json ? doc.toJson(JSON) : line(doc));
        }
        spec.commandLine().getErr().printf("%d result%s%n", results.size(), results.size() == 1 ? "" : "s");
        return Enma.OK;
    }

    /**
     * The analytic's name: one ENMA runs, or one written back from Spark (a valid name with a setup saved), else a
     * message listing those ENMA runs.
     */
    private String analytic(MongoStore mongo) {
        String name = ot.toUpperCase(Locale.ROOT);
        return Analytics.names().contains(name) || name.matches("OT[0-9]{3}")
                && new Setups(mongo.database()).hasAnalytic(name) ? name : Analytics.named(ot).name();
    }

    private List<Month> months() {
        if (month != null && (from != null || to != null)) {
            throw usage("give either --month or --from/--to, not both");
        }
        if (month == null && (from == null || to == null)) {
            throw usage("give --month YYYYMM, or --from YYYYMM and --to YYYYMM");
        }
        return month != null ? Arguments.months(spec, month, month) : Arguments.months(spec, from, to);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String line(Document doc) {
        StringBuilder line = new StringBuilder().append(doc.get("month")).append("  ").append(doc.get("contractId"))
                .append("  ").append(doc.get("setupId"));
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            if (!IDENTITY.contains(field.getKey())) {
                Object value = field.getValue();
                // arrays and objects as the HBase mirror writes them: JSON
                line.append("  ").append(field.getKey()).append('=').append(
                        value instanceof List<?> || value instanceof Map<?, ?> ? MirrorValues.text(value) : value);
            }
        }
        return line.toString();
    }
}

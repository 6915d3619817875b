package org.enma.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.enma.jobs.submit.Arguments;
import org.enma.jobs.submit.JobTarget;
import org.enma.schema.EnmaTable;
import org.enma.schema.Identifier;
import org.enma.schema.TrustColumns;
import org.enma.store.TrustReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Prints what enma validate found, from the trust table. For a company: per rule the contracts,"
                + " days and measures it flagged, and the counters summed. With --contract: that contract's days,"
                + " one line each (date, interval, expected, actual, estimated, suspect, missing, rules).",
                "--json: one JSON document per line instead. A company never validated has no days."})
final class QualityCommand implements Callable<Integer> {
    private static final List<String> COUNTERS = List.of(TrustColumns.INTERVAL, TrustColumns.EXPECTED,
            TrustColumns.ACTUAL, TrustColumns.ESTIMATED, TrustColumns.SUSPECT, TrustColumns.MISSING);

    @Spec
    CommandSpec spec;

    @Mixin
    JobTarget target;

    @Option(names = "--contract", paramLabel = "ID", description = "this contract's days")
    String contract;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first local day (default: the first)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last local day (default: the last)")
    String to;

    @Option(names = "--json", description = "one JSON document per line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var company = target.company();
        String type = target.type().orElse(EnmaTable.ELECTRICITY_CONSUMPTION);
        Arguments.valid(spec, () -> EnmaTable.measuresOf(type, company));
        if (contract != null) {
            Arguments.valid(spec, () -> Identifier.require("contractId", contract));
        }
        LocalDate first = date("--from", from, LocalDate.of(1, 1, 1));
        LocalDate last = date("--to", to, LocalDate.of(9999, 12, 31));
        if (first.isAfter(last)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HBaseSession session = HBaseSession.open(spec)) {
            TrustReader reader = new TrustReader(session.connection(), session.config().tableNames());
            if (contract != null) {
                List<TrustReader.Day> days = reader.days(company, type, contract, first, last, Integer.MAX_VALUE);
                days.forEach(day -> out.println(json ? dayDocument(day).toJson() : dayLine(day)));
                spec.commandLine().getErr().printf("%d day%s%n", days.size(), days.size() == 1 ? "" : "s");
                return Enma.OK;
            }
            QualitySummary summary = new QualitySummary();
            reader.eachContractDay(company, type, first, last, summary::add);
            print(out, summary);
        }
        return Enma.OK;
    }

    private void print(PrintWriter out, QualitySummary summary) {
        if (json) {
            summary.rules().forEach((rule, reach) -> out.println(new Document("rule", rule)
                    .append("contracts", reach.contracts()).append("days", reach.days())
                    .append("measures", reach.measures()).toJson()));
            Document totals = new Document("contracts", summary.contracts()).append("days", summary.days());
            summary.totals().forEach(totals::append);
            out.println(totals.append("estimatedShare", Math.round(summary.estimatedShare() * 10_000) / 10_000.0)
                    .toJson());
            return;
        }
        out.printf("%-18s %10s %10s %12s%n", "rule", "contracts", "days", "measures");
        summary.rules().forEach((rule, reach) -> out.printf("%-18s %10d %10d %12d%n", rule, reach.contracts(),
                reach.days(), reach.measures()));
        StringBuilder totals = new StringBuilder("contracts=" + summary.contracts() + " days=" + summary.days());
        summary.totals().forEach((counter, sum) -> totals.append(' ').append(counter).append('=').append(sum));
        out.println(totals.append(String.format(" estimatedShare=%.4f", summary.estimatedShare())));
    }

    private static String dayLine(TrustReader.Day day) {
        StringBuilder line = new StringBuilder(day.day().toString());
        for (String counter : COUNTERS) {
            line.append(' ').append(counter).append('=').append(day.counters().getOrDefault(counter, "0"));
        }
        List<String> rules = new ArrayList<>();
        day.rules().forEach((rule, count) -> rules.add(rule + ":" + count));
        return rules.isEmpty() ? line.toString() : line.append(" rules=").append(String.join(",", rules)).toString();
    }

    private static Document dayDocument(TrustReader.Day day) {
        Document doc = new Document("contractId", day.contractId()).append("date", day.day().toString());
        for (String counter : COUNTERS) {
            doc.append(counter, Long.parseLong(day.counters().getOrDefault(counter, "0")));
        }
        Document rules = new Document();
        for (Map.Entry<String, String> rule : day.rules().entrySet()) {
            rules.append(rule.getKey(), Long.parseLong(rule.getValue()));
        }
        return doc.append("rules", rules);
    }

    private LocalDate date(String flag, String text, LocalDate otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + " must be a date YYYY-MM-DD that"
                    + " exists, was \"" + text + "\"");
        }
    }
}

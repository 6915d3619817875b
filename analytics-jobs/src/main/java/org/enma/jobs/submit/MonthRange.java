package org.enma.jobs.submit;

import java.util.List;
import org.enma.schema.Month;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --from YYYYMM --to YYYYMM}, given together: an argument group ({@code @ArgGroup(exclusive = false)}),
 * required by {@code derive}, optional for {@code rollup}; picocli refuses one without the other.
 */
public final class MonthRange {
    @Option(names = "--from", paramLabel = "YYYYMM", required = true, description = "first month")
    String from;

    @Option(names = "--to", paramLabel = "YYYYMM", required = true, description = "last month (inclusive)")
    String to;

    /** The months, first to last; bad usage of {@code spec}'s command when malformed or backwards. */
    public List<Month> months(CommandSpec spec) {
        return Arguments.months(spec, from, to);
    }
}

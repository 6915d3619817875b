package org.enma.jobs.submit;

import java.nio.file.Path;
import java.util.Optional;
import org.enma.schema.Month;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The flags of one analytic's run, besides its {@link JobTarget}: the month and the setup. */
public final class AnalyticFlags {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYYMM", required = true, description = "the month M of docs/analytics.md")
    String month;

    @Option(names = "--setup", paramLabel = "FILE.json", description = "the run's parameters as one JSON object;"
            + " missing keys take their defaults")
    Path setup;

    /** The month, or bad usage with the reason. */
    public Month month() {
        return Arguments.valid(spec, () -> Month.parse(month));
    }

    public Optional<Path> setup() {
        return Optional.ofNullable(setup);
    }
}

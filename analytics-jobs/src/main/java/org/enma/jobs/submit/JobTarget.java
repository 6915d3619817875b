package org.enma.jobs.submit;

import java.util.Optional;
import org.enma.schema.CompanyId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The flags naming what a Spark job reads: the company and its consumption type. */
public final class JobTarget {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--company", paramLabel = "ID", required = true, description = "10-digit company id")
    String company;

    @Option(names = "--type", paramLabel = "T", description = "consumption type, as the table is prefixed:"
            + " electricityConsumption (default), touElectricityConsumption, tertiaryElectricityConsumption, ...")
    String type;

    /** The company, or bad usage with the reason. */
    public CompanyId company() {
        return Arguments.valid(spec, () -> CompanyId.of(company));
    }

    public Optional<String> type() {
        return Optional.ofNullable(type);
    }
}

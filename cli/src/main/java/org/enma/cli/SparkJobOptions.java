package org.enma.cli;

import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.schema.CompanyId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options every Spark job command takes ({@code enma run}, {@code enma derive}): company, type, master. */
final class SparkJobOptions {
    @Option(names = "--company", paramLabel = "ID", required = true, description = "10-digit company id")
    String company;

    @Option(names = "--type", paramLabel = "T", description = "consumption type, as the table is prefixed:"
            + " electricityConsumption (default), touElectricityConsumption, tertiaryElectricityConsumption, ...")
    String type;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (same as --spark-master):"
            + " local[*] (default), spark://host:7077, yarn, k8s://...")
    String master;

    /** The command's configuration, with {@code --master} over any other setting of the Spark master. */
    EnmaConfig config(CommandSpec spec) {
        EnmaConfig config = CommandSettings.config(spec);
        return master == null ? config : config.with(Setting.SPARK_MASTER, master);
    }

    /** The company, or exit 2 with the reason. */
    CompanyId company(CommandSpec spec) {
        return Arguments.valid(spec, () -> CompanyId.of(company));
    }
}

package org.enma.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.config.SettingFlags;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The option a Spark job command adds to the job's own flags ({@code org.enma.jobs.submit}, shared with the {@code
 * spark-submit} entry): the master, which {@code spark-submit} gives its jobs itself.
 */
final class SparkJobOptions {
    private static final String JOBS_JAR = "enma-jobs.jar";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (same as --spark-master):"
            + " local[*] (default), spark://host:7077, yarn, k8s://...")
    String master;

    /**
     * The command's configuration, with {@code --master} over any other setting of the Spark master, and the job jar
     * the build puts beside {@code enma.jar} unless another is configured.
     */
    EnmaConfig config(CommandSpec spec) {
        return config(spec, master);
    }

    /** {@link #config(CommandSpec)} for a command with a {@code --master} of its own ({@code enma sql}). */
    static EnmaConfig config(CommandSpec spec, String master) {
        EnmaConfig config = SettingFlags.config(spec).withDefault(Setting.SPARK_JOBS_JAR, jobsJarBesideCli());
        return master == null ? config : config.with(Setting.SPARK_MASTER, master);
    }

    /** {@code enma-jobs.jar} in the folder of {@code enma.jar} (or of the cli's classes, in a build tree). */
    private static String jobsJarBesideCli() {
        CodeSource cli = Enma.class.getProtectionDomain().getCodeSource();
        try {
            return cli == null ? "" : Path.of(cli.getLocation().toURI()).resolveSibling(JOBS_JAR).toString();
        } catch (URISyntaxException unknown) {
            return "";
        }
    }
}

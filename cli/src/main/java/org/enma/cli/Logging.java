package org.enma.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Log levels of the command. Quiet by default: HBase, ZooKeeper, Hadoop and Spark only speak on errors and ENMA on
 * warnings, since what a user needs goes to stdout (results) and stderr (progress). {@code --verbose} opens all of
 * it; the stack process logs its own lifecycle to its log file.
 */
public final class Logging {
    public enum Mode { QUIET, VERBOSE, STACK }

    private Logging() {
    }

    public static void configure(Mode mode) {
        switch (mode) {
            case QUIET -> {
                Configurator.setRootLevel(Level.ERROR);
                Configurator.setLevel("org.enma", Level.WARN);
                // A run that fails early on a cluster stops Spark while executors still fetch the job jar from the
                // driver; the cut transfer is logged as an ERROR with a stack trace beside the run's own one line.
                Configurator.setLevel("org.apache.spark.network.server.TransportRequestHandler", Level.OFF);
            }
            case VERBOSE -> {
                Configurator.setRootLevel(Level.INFO);
                Configurator.setLevel("org.enma", Level.DEBUG);
            }
            case STACK -> {
                Configurator.setRootLevel(Level.WARN);
                Configurator.setLevel("org.enma", Level.INFO);
            }
        }
    }
}

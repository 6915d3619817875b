package org.enma.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.setup.Parameter;

/**
 * An OT job: what it is called, which setup parameters it takes, and how it turns a company's month into one result
 * per contract. The runner around it does the rest (setup id, job run record, MongoDB + HBase mirror writes).
 * Register a new one in {@link Analytics}; docs/writing-analytics.md shows how one is written so that it scales.
 */
public interface Analytic {

    /** {@code OT} followed by three digits, e.g. {@code OT101}: names its collection and its mirror table. */
    String name();

    /** The parameters a setup file may set, with their defaults. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Refuses parameter values that are of the right kind but out of range, before anything runs. */
    default void check(Map<String, Object> parameters) {
    }

    /**
     * The plan of the run as Spark data: one {@link Outcome} per contract seen, computed on the executors (per-contract
     * work goes through Spark's shuffle, keyed by contract) — never gathered on the driver.
     */
    JavaRDD<Outcome> run(JobContext job) throws IOException;
}

package org.enma.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.enma.jobs.setup.Parameter;

/**
 * An OT job: what it is called, which setup parameters it takes, and how it turns a company's month into one result
 * per contract. The runner around it does the rest (setup id, job run record, MongoDB + HBase mirror writes).
 * Register a new one in {@link Analytics}.
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

    Outcome run(JobContext job) throws IOException;
}

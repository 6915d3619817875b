package org.enma.jobs.ot101;

import java.util.List;
import java.util.Map;
import org.enma.jobs.Analytic;
import org.enma.jobs.setup.Parameter;

/** An analytic built on OT101's peer comparison (OT101, OT103): its parameters and their checks. */
public interface PeerAnalytic extends Analytic {
    /** The skip reason of a contract that no criterion gives a large enough group. */
    String NO_GROUP = "noGroup";

    @Override
    default List<Parameter> parameters() {
        return Ot101Setup.PARAMETERS;
    }

    @Override
    default void check(Map<String, Object> parameters) {
        Ot101Setup.of(parameters);
    }
}

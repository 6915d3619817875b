package org.enma.jobs.validate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.enma.jobs.setup.Parameter;
import org.enma.schema.EnmaException;

/**
 * The setup parameters of {@code enma validate} (docs/analytics.md § Validation and estimation), each above 0.
 *
 * @param spikeFactor  a measure is a spike above this many times the median of its 28 days before
 * @param spikeFloor   ... and above this many kWh per hour of interval
 * @param frozenHours  a run of equal non-zero values this long is frozen (4 days for daily data)
 * @param linearHours  runs to estimate up to this long are interpolated
 * @param likeDayDays  longer runs up to this many days are estimated from like days
 */
public record Thresholds(double spikeFactor, double spikeFloor, double frozenHours, double linearHours,
                         int likeDayDays) implements Serializable {
    public static final List<Parameter> PARAMETERS = List.of(Parameter.number("spikeFactor", 10),
            Parameter.number("spikeFloor", 1), Parameter.number("frozenHours", 6),
            Parameter.number("linearHours", 2), Parameter.integer("likeDayDays", 7));

    /** The thresholds of a setup read with {@link #PARAMETERS}; one at 0 or below is refused by name. */
    public static Thresholds of(Map<String, Object> parameters) {
        for (Parameter p : PARAMETERS) {
            if (((Number) parameters.get(p.name())).doubleValue() <= 0) {
                throw new EnmaException("setup parameter \"" + p.name() + "\" must be above 0, was "
                        + parameters.get(p.name()));
            }
        }
        return new Thresholds(number(parameters, "spikeFactor"), number(parameters, "spikeFloor"),
                number(parameters, "frozenHours"), number(parameters, "linearHours"),
                ((Number) parameters.get("likeDayDays")).intValue());
    }

    private static double number(Map<String, Object> parameters, String name) {
        return ((Number) parameters.get(name)).doubleValue();
    }

    /** How long a frozen run lasts at least, in seconds, at {@code interval}: 4 days for daily data. */
    long frozenSeconds(int interval) {
        return interval == Interval.DAY ? 4L * Interval.DAY : Math.round(frozenHours * 3600);
    }
}

package org.enma.jobs.ot101;

import java.util.List;
import java.util.Map;
import org.enma.jobs.setup.Parameter;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;

/** OT101's (and OT103's) parameters, with docs/analytics.md's defaults. */
public record Ot101Setup(List<List<String>> criteria, int minGroupSize, double efficientShare)
        implements java.io.Serializable {
    public static final Ot101Setup DEFAULTS = new Ot101Setup(
            List.of(List.of(CustomerColumns.POSTAL_CODE, CustomerColumns.TARIFF_ID), List.of(CustomerColumns.POSTAL_CODE),
                    List.of(CustomerColumns.TARIFF_ID), List.of()), 20, 0.25);
    public static final List<Parameter> PARAMETERS = List.of(
            Parameter.criteria("criteria", DEFAULTS.criteria()),
            Parameter.integer("minGroupSize", DEFAULTS.minGroupSize()),
            Parameter.number("efficientShare", DEFAULTS.efficientShare()));

    public Ot101Setup {
        criteria = criteria.stream().map(List::copyOf).toList();
        if (criteria.isEmpty()) {
            throw new EnmaException("setup parameter \"criteria\" must name at least one criterion");
        }
        if (minGroupSize < 1) {
            throw new EnmaException("setup parameter \"minGroupSize\" must be at least 1, was " + minGroupSize);
        }
        if (!(efficientShare > 0 && efficientShare <= 1)) {
            throw new EnmaException("setup parameter \"efficientShare\" must be in (0, 1], was " + efficientShare);
        }
    }

    /** The setup from the parameters {@code SetupFile} read (kinds already checked). */
    @SuppressWarnings("unchecked")
    public static Ot101Setup of(Map<String, Object> parameters) {
        return new Ot101Setup((List<List<String>>) parameters.get("criteria"), (Integer) parameters.get("minGroupSize"),
                (Double) parameters.get("efficientShare"));
    }
}

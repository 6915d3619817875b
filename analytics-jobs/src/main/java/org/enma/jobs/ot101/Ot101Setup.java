package org.enma.jobs.ot101;

import java.util.List;
import java.util.Map;
import org.enma.jobs.setup.Parameter;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaException;

/** OT101's (and OT103's) parameters, with docs/analytics.md's defaults. */
public record Ot101Setup(List<List<String>> criteria, int minGroupSize, double efficientShare,
                         double maxEstimatedShare) implements java.io.Serializable {
    private static final double MAX_ESTIMATED_SHARE = 0.2;
    public static final Ot101Setup DEFAULTS = new Ot101Setup(
            List.of(List.of(CustomerColumns.POSTAL_CODE, CustomerColumns.TARIFF_ID), List.of(CustomerColumns.POSTAL_CODE),
                    List.of(CustomerColumns.TARIFF_ID), List.of()), 20, 0.25, MAX_ESTIMATED_SHARE);
    public static final List<Parameter> PARAMETERS = List.of(
            Parameter.criteria("criteria", DEFAULTS.criteria()),
            Parameter.integer("minGroupSize", DEFAULTS.minGroupSize()),
            Parameter.number("efficientShare", DEFAULTS.efficientShare()),
            // added with validation: a setup at its default keeps the setupId it had before
            Parameter.number("maxEstimatedShare", DEFAULTS.maxEstimatedShare()).addedLater());

    /** A setup with the default {@code maxEstimatedShare}. */
    public Ot101Setup(List<List<String>> criteria, int minGroupSize, double efficientShare) {
        this(criteria, minGroupSize, efficientShare, MAX_ESTIMATED_SHARE);
    }

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
        if (!(maxEstimatedShare >= 0 && maxEstimatedShare <= 1)) {
            throw new EnmaException("setup parameter \"maxEstimatedShare\" must be in [0, 1], was "
                    + maxEstimatedShare);
        }
    }

    /**
     * The setup from the parameters {@code SetupFile} read (kinds already checked); a map made in code may leave out
     * {@code maxEstimatedShare}, as one made before it existed does.
     */
    @SuppressWarnings("unchecked")
    public static Ot101Setup of(Map<String, Object> parameters) {
        return new Ot101Setup((List<List<String>>) parameters.get("criteria"), (Integer) parameters.get("minGroupSize"),
                (Double) parameters.get("efficientShare"),
                ((Number) parameters.getOrDefault("maxEstimatedShare", MAX_ESTIMATED_SHARE)).doubleValue());
    }
}

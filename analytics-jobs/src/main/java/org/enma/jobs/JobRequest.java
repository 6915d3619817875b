package org.enma.jobs;

import java.util.Map;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;

/** One run asked for: company, consumption type (default {@value #DEFAULT_TYPE}), month, setup parameters. */
public record JobRequest(CompanyId company, String type, Month month, Map<String, Object> parameters) {
    public static final String DEFAULT_TYPE = EnmaTable.ELECTRICITY_CONSUMPTION;

    public JobRequest {
        EnmaTable.measuresOf(type, company);
        parameters = Map.copyOf(parameters);
    }

    public EnmaTable consumptionTable() {
        return EnmaTable.measuresOf(type, company);
    }
}

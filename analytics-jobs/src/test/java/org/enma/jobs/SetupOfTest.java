package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.enma.jobs.setup.SetupFile;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.store.SetupIds;
import org.junit.jupiter.api.Test;

/** A parameter added later leaves the setupIds of the setups that keep its default as they were. */
class SetupOfTest {
    private static String setupId(Map<String, Object> parameters) {
        Analytic ot101 = Analytics.named("OT101");
        return SetupIds.of(JobRunner.setupOf(ot101, new JobRequest(CompanyId.of("1111111111"),
                JobRequest.DEFAULT_TYPE, Month.of(2014, 1), parameters))).value();
    }

    @Test
    void maxEstimatedShareAtItsDefaultKeepsTheSetupIdOfBeforeIt() throws Exception {
        Analytic ot101 = Analytics.named("OT101");
        Map<String, Object> defaults = SetupFile.read(Optional.empty(), "OT101", ot101.parameters());
        assertThat(defaults).containsEntry("maxEstimatedShare", 0.2);
        // SHA-256 of {"companyId":1111111111,"ot":"OT101","parameters":{"criteria":[["postalCode","tariffId"],
        // ["postalCode"],["tariffId"],[]],"efficientShare":0.25,"minGroupSize":20},"type":"electricityConsumption"}:
        // the default setup's id before maxEstimatedShare existed (the demo's OT101 setupId)
        assertThat(setupId(defaults)).isEqualTo("4cc9e77900e16f9f45557b4b");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("setup", ".json");
        java.nio.file.Files.writeString(file, "{\"maxEstimatedShare\": 0.1}");
        // ... with "maxEstimatedShare":0.1 among the parameters
        assertThat(setupId(SetupFile.read(Optional.of(file), "OT101", ot101.parameters())))
                .isEqualTo("576893d197e44a0c5cd13e72");
    }
}

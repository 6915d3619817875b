package org.enma.jobs.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.ot101.Ot101Setup;
import org.enma.schema.EnmaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupFileTest {
    @TempDir
    Path dir;

    private Map<String, Object> read(String json) throws IOException {
        Path file = dir.resolve("setup.json");
        Files.writeString(file, json);
        return SetupFile.read(Optional.of(file), "OT101", Ot101Setup.PARAMETERS);
    }

    @Test
    void missingKeysTakeTheirDefaults() throws IOException {
        assertThat(read("{\"minGroupSize\": 5}")).isEqualTo(Map.of("criteria", Ot101Setup.DEFAULTS.criteria(),
                "minGroupSize", 5, "efficientShare", 0.25, "maxEstimatedShare", 0.2));
        assertThat(SetupFile.read(Optional.empty(), "OT101", Ot101Setup.PARAMETERS))
                .containsEntry("minGroupSize", 20);
    }

    @Test
    void theAnalyticsExampleReadsAsWritten() throws IOException {
        Map<String, Object> setup = read("{\"criteria\": [[\"postalCode\",\"tariffId\"], [\"postalCode\"], []],"
                + " \"minGroupSize\": 20, \"efficientShare\": 0.25}");
        assertThat(Ot101Setup.of(setup)).isEqualTo(new Ot101Setup(List.of(List.of("postalCode", "tariffId"),
                List.of("postalCode"), List.of()), 20, 0.25));
    }

    @Test
    void anIntegerShareIsANumber() throws IOException {
        assertThat(read("{\"efficientShare\": 1}")).containsEntry("efficientShare", 1.0);
    }

    @Test
    void unknownKeysAndWrongKindsAreNamed() {
        assertThatThrownBy(() -> read("{\"minGroupsize\": 5}")).isInstanceOf(EnmaException.class)
                .hasMessageEndingWith("unknown parameter \"minGroupsize\": OT101 takes criteria, minGroupSize,"
                        + " efficientShare, maxEstimatedShare");
        assertThatThrownBy(() -> read("{\"minGroupSize\": \"20\"}"))
                .hasMessageEndingWith("setup parameter \"minGroupSize\" must be a whole number, was \"20\"");
        assertThatThrownBy(() -> read("{\"minGroupSize\": 2.5}"))
                .hasMessageEndingWith("setup parameter \"minGroupSize\" must be a whole number, was 2.5");
        assertThatThrownBy(() -> read("{\"criteria\": [\"postalCode\"]}"))
                .hasMessageContaining("setup parameter \"criteria\" must be a list of attribute lists");
        assertThatThrownBy(() -> read("{\"efficientShare\": true}"))
                .hasMessageEndingWith("setup parameter \"efficientShare\" must be a number, was true");
    }

    @Test
    void notAnObjectOrNotJsonIsRefusedWithTheFileName() {
        assertThatThrownBy(() -> read("[1, 2]")).hasMessageEndingWith("setup.json: a setup must be one JSON object,"
                + " e.g. {\"minGroupSize\": 20}");
        assertThatThrownBy(() -> read("{\"minGroupSize\": 20,")).hasMessageContaining("setup.json is not valid JSON");
        assertThatThrownBy(() -> SetupFile.read(Optional.of(dir.resolve("none.json")), "OT101",
                Ot101Setup.PARAMETERS)).hasMessageEndingWith("none.json does not exist");
    }

    @Test
    void valuesOfTheRightKindButOutOfRangeAreRefused() throws IOException {
        Map<String, Object> setup = read("{\"efficientShare\": 1.5}");
        assertThatThrownBy(() -> Ot101Setup.of(setup))
                .hasMessage("setup parameter \"efficientShare\" must be in (0, 1], was 1.5");
    }
}

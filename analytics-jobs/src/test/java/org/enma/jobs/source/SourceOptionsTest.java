package org.enma.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.junit.jupiter.api.Test;

/** Settings travel to the source and the catalog as options: what was given, never a default made explicit. */
class SourceOptionsTest {
    @Test
    void onlyTheSettingsGivenTravel() {
        assertThat(SourceOptions.of(EnmaConfig.of(Map.of("hbase.quorum", "zk1,zk2", "namespace", "enma"))))
                .isEqualTo(Map.of("hbase.quorum", "zk1,zk2", "namespace", "enma"));
        // data (./enma-data) and every other default stay out: the read looks for the stack where the command did
        assertThat(SourceOptions.of(EnmaConfig.defaults())).isEmpty();
    }

    @Test
    void aValueTheProgramChoseTravelsAndAGivenOneArrivesGiven() {
        assertThat(SourceOptions.of(EnmaConfig.defaults().withDefault(Setting.SPARK_JOBS_JAR, "/opt/enma-jobs.jar")))
                .isEqualTo(Map.of("spark.jobs.jar", "/opt/enma-jobs.jar"));
        EnmaConfig read = SourceOptions.config(SourceOptions.of(EnmaConfig.of(Map.of("data", "/srv/stacks/a"))));
        assertThat(read.isSet(Setting.DATA)).isTrue();
        assertThat(read.dataDir()).isEqualTo(Path.of("/srv/stacks/a"));
    }
}

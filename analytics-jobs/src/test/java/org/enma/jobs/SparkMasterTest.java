package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.enma.config.EnmaConfig;
import org.enma.schema.EnmaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkMasterTest {

    @Test
    void theBuildRecordsTheSparkItCompilesAgainst() {
        // the parent pom's spark.version, filtered into spark-build.properties
        assertThat(SparkMaster.builtVersion()).isEqualTo("3.5.7");
    }

    @Test
    void anotherPatchReleaseOfTheSameMinorVersionIsAccepted() {
        assertThatCode(() -> SparkMaster.requireVersion("this JVM runs", "3.5.1", "3.5.7"))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherMinorOrMajorVersionIsRefusedSayingWhichAndWhatToDo() {
        assertThatThrownBy(() -> SparkMaster.requireVersion("this JVM runs", "3.4.1", "3.5.7"))
                .isInstanceOf(EnmaException.class)
                .hasMessage("this JVM runs Spark 3.4.1, but ENMA is built for Spark 3.5.x: run it on Spark 3.5, or"
                        + " build ENMA with -Dspark.version=3.4.1");
        assertThatThrownBy(() -> SparkMaster.requireVersion("the executors of spark://m:7077 run", "4.0.0", "3.5.7"))
                .isInstanceOf(EnmaException.class)
                .hasMessageStartingWith("the executors of spark://m:7077 run Spark 4.0.0, but ENMA is built for Spark"
                        + " 3.5.x");
    }

    @Test
    void onlyLocalMastersRunWithoutTheJobJar() {
        assertThat(SparkMaster.isLocal("local[*]")).isTrue();
        assertThat(SparkMaster.isLocal("local")).isTrue();
        assertThat(SparkMaster.isLocal("spark://127.0.0.1:7077")).isFalse();
        assertThat(SparkMaster.isLocal("yarn")).isFalse();
    }

    @Test
    void aMissingJobJarIsNamedWithWhereTheSettingCameFrom(@TempDir Path dir) {
        Path jar = dir.resolve("enma-jobs.jar");
        EnmaConfig config = EnmaConfig.of(Map.of("spark.master", "spark://127.0.0.1:7077",
                "spark.jobs.jar", jar.toString()));
        assertThatThrownBy(() -> SparkMaster.jobsJar(config)).isInstanceOf(EnmaException.class)
                .hasMessageStartingWith("the job jar " + jar + " (from flag --spark-jobs-jar) does not exist: build it"
                        + " with `mvn -B package -pl cli -am`");
        assertThatThrownBy(() -> SparkMaster.jobsJar(EnmaConfig.of(Map.of("spark.master", "yarn"))))
                .hasMessageStartingWith("Spark master yarn needs the job jar enma-jobs.jar for its executors: set"
                        + " ENMA_SPARK_JOBS_JAR");
    }

    @Test
    void anExistingJobJarIsGiven(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("enma-jobs.jar"));
        assertThat(SparkMaster.jobsJar(EnmaConfig.of(Map.of("spark.jobs.jar", jar.toString())))).isEqualTo(jar);
    }

    @Test
    void aStandaloneMasterThatDoesNotAnswerIsReportedAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> SparkMaster.requireReachable(master)).isInstanceOf(EnmaException.class)
                .hasMessage("cannot reach the Spark master at " + master + ": check --master / ENMA_SPARK_MASTER,"
                        + " and that the master runs (on the rig: `scripts/cluster status`)");
    }

    @Test
    void oneAnsweringMasterOfAListIsEnough() throws IOException {
        try (ServerSocket listening = new ServerSocket(0); ServerSocket closed = new ServerSocket(0)) {
            int closedPort = closed.getLocalPort();
            closed.close();
            assertThatCode(() -> SparkMaster.requireReachable("spark://127.0.0.1:" + closedPort + ",127.0.0.1:"
                    + listening.getLocalPort())).doesNotThrowAnyException();
        }
    }
}

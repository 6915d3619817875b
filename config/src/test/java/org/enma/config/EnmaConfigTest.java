package org.enma.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.enma.schema.EnmaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnmaConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaults() {
        EnmaConfig config = EnmaConfig.defaults();
        assertThat(config.hbaseQuorum()).isEmpty();
        assertThat(config.mongoUri()).isEmpty();
        assertThat(config.hbasePort()).isEqualTo(2181);
        assertThat(config.tableNames().namespace()).isEmpty();
        assertThat(config.compression()).isEqualTo(Compression.Algorithm.GZ);
        assertThat(config.mongoDatabase()).isEqualTo("enma");
        assertThat(config.sparkMaster()).isEqualTo("local[*]");
        assertThat(config.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.dataDir()).isEqualTo(Path.of("enma-data").toAbsolutePath());
        assertThat(config.stackZkPort()).isEqualTo(2181);
        assertThat(config.stackMongoPort()).isEqualTo(27017);
        assertThat(config.sparkJobsJar()).isEmpty();
    }

    @Test
    void aDefaultKnownOnlyAtRunTimeFillsOnlyAnUnsetSetting() {
        EnmaConfig unset = EnmaConfig.defaults().withDefault(Setting.SPARK_JOBS_JAR, "/opt/enma/enma-jobs.jar");
        assertThat(unset.sparkJobsJar()).contains(Path.of("/opt/enma/enma-jobs.jar"));
        assertThat(unset.sourceOf(Setting.SPARK_JOBS_JAR)).isEqualTo("default");
        EnmaConfig set = EnmaConfig.of(Map.of("spark.jobs.jar", "/srv/jobs.jar"))
                .withDefault(Setting.SPARK_JOBS_JAR, "/opt/enma/enma-jobs.jar");
        assertThat(set.sparkJobsJar()).contains(Path.of("/srv/jobs.jar"));
        assertThat(set.sourceOf(Setting.SPARK_JOBS_JAR)).isEqualTo("flag --spark-jobs-jar");
    }

    @Test
    void flagsOverrideEnvironmentWhichOverridesTheFileWhichOverridesDefaults() throws IOException {
        Path file = dir.resolve("enma.properties");
        Files.writeString(file, "timezone=Europe/Madrid\nnamespace=fromfile\nmongo.database=fromfile\n");
        Map<String, String> env = Map.of("ENMA_NAMESPACE", "fromenv", "ENMA_MONGO_DATABASE", "fromenv",
                "PATH", "/usr/bin");
        EnmaConfig config = EnmaConfig.load(Map.of(Setting.MONGO_DATABASE, "fromflag"), env, Optional.of(file));
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(config.tableNames().namespace()).isEqualTo("fromenv");
        assertThat(config.mongoDatabase()).isEqualTo("fromflag");
        assertThat(config.sparkMaster()).isEqualTo("local[*]");
        assertThat(config.sourceOf(Setting.TIMEZONE)).isEqualTo(file + " (timezone)");
        assertThat(config.sourceOf(Setting.NAMESPACE)).isEqualTo("environment variable ENMA_NAMESPACE");
        assertThat(config.sourceOf(Setting.MONGO_DATABASE)).isEqualTo("flag --mongo-database");
    }

    @Test
    void invalidValuesNameTheSettingAndWhereTheyCameFrom() {
        assertThatThrownBy(() -> EnmaConfig.load(Map.of(), Map.of("ENMA_TIMEZONE", "Europe/Madird"), Optional.empty()))
                .hasMessageStartingWith("setting timezone = \"Europe/Madird\" (from environment variable ENMA_TIMEZONE)"
                        + " is invalid");
        assertThatThrownBy(() -> EnmaConfig.load(Map.of(Setting.HBASE_PORT, "21810000"), Map.of(), Optional.empty()))
                .hasMessage("setting hbase.port = \"21810000\" (from flag --hbase-port) is not a TCP port (1..65535)");
        assertThatThrownBy(() -> EnmaConfig.load(Map.of(Setting.HBASE_COMPRESSION, "rar"), Map.of(),
                Optional.empty())).hasMessageContaining("is invalid: use one of [").hasMessageContaining("GZ");
    }

    @Test
    void unitsAreSetPerTypeOrPerCompanyAndTypeAndABadOneIsNamed() {
        assertThat(EnmaConfig.defaults().units()).isEmpty();
        assertThat(EnmaConfig.of(Map.of("units", " gasConsumption=kWh, 1111111111/waterConsumption = l ,")).units())
                .containsExactlyInAnyOrderEntriesOf(Map.of("gasConsumption", "kWh", "1111111111/waterConsumption",
                        "l"));
        assertThatThrownBy(() -> EnmaConfig.of(Map.of("units", "gasConsumption")))
                .hasMessage("setting units = \"gasConsumption\" (from flag --units) is invalid: \"gasConsumption\" is not"
                        + " type=unit (a unit of 1 to 16 characters)");
        assertThatThrownBy(() -> EnmaConfig.of(Map.of("units", "111/gasConsumption=kWh")))
                .hasMessageContaining("companyId \"111\" is invalid");
        assertThatThrownBy(() -> EnmaConfig.of(Map.of("units", "Gas=kWh")))
                .hasMessageContaining("measure type \"Gas\" is invalid");
    }

    @Test
    void unknownKeysInTheFileAreRefused() throws IOException {
        Path file = dir.resolve("enma.properties");
        Files.writeString(file, "mongo.url=mongodb://x\n");
        assertThatThrownBy(() -> EnmaConfig.load(Map.of(), Map.of(), Optional.of(file)))
                .hasMessageContaining("unknown setting \"mongo.url\"")
                .hasMessageContaining("mongo.uri");
    }

    @Test
    void namesOfVariablesAndFlags() {
        assertThat(Setting.HBASE_QUORUM.envVariable()).isEqualTo("ENMA_HBASE_QUORUM");
        assertThat(Setting.STACK_ZK_PORT.flag()).isEqualTo("--stack-zk-port");
        assertThat(EnmaConfig.of(Map.of("spark.master", "spark://h:7077")).sparkMaster()).isEqualTo("spark://h:7077");
    }

    @Test
    void locatorFindsNoStackWhereNoneRuns() {
        EnmaConfig config = EnmaConfig.defaults().with(Setting.DATA, dir.toString());
        StackLocator locator = new StackLocator(dir.resolve("home"));
        assertThat(locator.running(config)).isEmpty();
        assertThatThrownBy(() -> Endpoints.resolve(config, locator))
                .hasMessageStartingWith("no ENMA stack is running (looked in " + dir + ")");
    }

    @Test
    void locatorIgnoresTheStateOfADeadProcess() {
        EnmaConfig config = EnmaConfig.defaults().with(Setting.DATA, dir.toString());
        new StackState(new StackProcess(Long.MAX_VALUE - 1, Instant.EPOCH, "java"), dir, 2181, 27017,
                StackState.Phase.RUNNING, "").write();
        assertThat(new StackLocator(dir.resolve("home")).running(config)).isEmpty();
    }

    @Test
    void aLiveProcessThatReusedTheStacksPidIsNotTheStack() {
        EnmaConfig config = EnmaConfig.defaults().with(Setting.DATA, dir.toString());
        StackLocator locator = new StackLocator(dir.resolve("home"));
        StackProcess self = StackProcess.current();
        // this JVM, as the stack's state would name it if the stack had had its pid before
        new StackState(new StackProcess(self.pid(), self.started().minusSeconds(3600), self.command()), dir, 2181,
                27017, StackState.Phase.RUNNING, "").write();
        assertThat(locator.running(config)).isEmpty();
        new StackState(new StackProcess(self.pid(), self.started(), "/opt/other/bin/java"), dir, 2181, 27017,
                StackState.Phase.RUNNING, "").write();
        assertThat(locator.running(config)).isEmpty();
        new StackState(self, dir, 2181, 27017, StackState.Phase.RUNNING, "").write();
        assertThat(locator.running(config).map(StackState::pid)).contains(self.pid());
    }

    @Test
    void aClusterNeedsNoStack() {
        EnmaConfig config = EnmaConfig.of(Map.of("hbase.quorum", "zk1,zk2", "mongo.uri", "mongodb://db:27017"));
        Endpoints endpoints = Endpoints.resolve(config, new StackLocator(dir));
        assertThat(endpoints).isEqualTo(new Endpoints("zk1,zk2", 2181, "mongodb://db:27017", "enma"));
    }

    @Test
    void quorumEntriesTakeIpv6AndTheirOwnPortsAndABadOneIsNamed() {
        assertThat(Endpoints.zooKeepers("[::1]:2182, zk1 ,zk2:2183,::1", 2181)).extracting(Object::toString)
                .containsExactly("[::1]:2182", "zk1:2181", "zk2:2183", "[::1]:2181");
        for (String bad : new String[] {"zk1:abc", "zk1:70000", "zk1,,zk2", "[::1"}) {
            EnmaConfig config = EnmaConfig.of(Map.of("hbase.quorum", bad, "mongo.uri", "mongodb://db:27017"));
            assertThatThrownBy(() -> Endpoints.resolve(config, new StackLocator(dir)))
                    .isInstanceOf(EnmaException.class)
                    .hasMessageStartingWith("hbase.quorum (ENMA_HBASE_QUORUM): \"")
                    .hasMessageEndingWith("write an IPv6 address with a port in brackets, e.g. [::1]:2181");
        }
        assertThatThrownBy(() -> Endpoints.resolve(EnmaConfig.of(Map.of("hbase.quorum", "zk1:abc",
                "mongo.uri", "mongodb://db:27017")), new StackLocator(dir)))
                .hasMessageStartingWith("hbase.quorum (ENMA_HBASE_QUORUM): \"zk1:abc\" is not host or host:port (");
    }

    @Test
    void anUnreachableIpv6QuorumIsOneMessage() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new Endpoints("[::1]:" + closed, 2181, "mongodb://db:27017", "enma")
                .requireZooKeeperReachable())
                .isInstanceOf(EnmaException.class)
                .hasMessageStartingWith("cannot reach HBase's ZooKeeper at [::1]:" + closed + " (port 2181)");
    }
}

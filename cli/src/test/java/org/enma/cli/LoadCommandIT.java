package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes and output lines of `enma load` that scripts rely on (docs/cli.md). */
@ExtendWith(EnmaStackExtension.class)
class LoadCommandIT {
    private static String[] settings;

    @TempDir
    Path dir;

    @BeforeAll
    static void settings(TestStack stack) {
        settings = new String[] {"--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--namespace", stack.namespace()};
    }

    @Test
    void allStoredExitsZeroAndSumsSeveralFiles() throws IOException {
        Path a = csv("a.csv", "contractId,timestamp,v\nA,1372640400,1\nB,1372640400,2\n");
        Path b = csv("b.csv", "contractId,timestamp,v\nA,1372640400,3\n");
        CliRun run = run("load", "consumption", "--company", "3000000001", a.toString(), b.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("read=3 stored=3 rejected=0 duplicates=1\n");
        assertThat(run.err()).contains(a + ": read=2 stored=2 rejected=0 duplicates=0 in ",
                b + ": read=1 stored=1 rejected=0 duplicates=1 in ");
    }

    @Test
    void someRejectedExitsThreeAndNamesTheRejectsFile() throws IOException {
        Path a = csv("p.csv", "contractId,timestamp,v\nA,1372640400,1\nA~,1372640400,2\n");
        CliRun run = run("load", "consumption", "--company", "3000000002", a.toString());
        assertThat(run.exitCode()).isEqualTo(Enma.PARTIAL);
        assertThat(run.out()).isEqualTo("read=2 stored=1 rejected=1 duplicates=0\n");
        assertThat(run.err()).contains("(rejected rows in " + dir.resolve("p.csv.rejects.csv") + ")");
    }

    @Test
    void allRejectedOrABadFileExitsOne() throws IOException {
        Path a = csv("r.csv", "contractId,timestamp,v\nA,x,1\n");
        CliRun all = run("load", "consumption", "--company", "3000000003", a.toString());
        assertThat(all.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(all.out()).isEqualTo("read=1 stored=0 rejected=1 duplicates=0\n");
        Path bad = csv("h.csv", "contract,timestamp,v\n");
        CliRun file = run("load", "consumption", "--company", "3000000003", bad.toString());
        assertThat(file.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(file.err()).startsWith("enma: " + bad + ": unknown column \"contract\"; missing required column"
                + " \"contractId\". Expected columns: contractId (required)");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path a = csv("w.csv", "stationId,timestamp,v\nS,1372640400,1\n");
        assertThat(run("load", "weather", "--company", "3000000004", a.toString()).err())
                .contains("--company does not apply");
        assertThat(run("load", "weather", "--company", "3000000004", a.toString()).exitCode()).isEqualTo(Enma.USAGE);
        assertThat(run("load", "customers", a.toString()).exitCode()).isEqualTo(Enma.USAGE);
        assertThat(run("load", "customers", "--company", "12", a.toString()).err()).contains("exactly 10 decimal digits");
        assertThat(run("load", "customers", "--company", "3000000004", "--type", "x", a.toString()).exitCode())
                .isEqualTo(Enma.USAGE);
        CliRun unknown = run("load", "meters", "--company", "3000000004", a.toString());
        assertThat(unknown.exitCode()).isEqualTo(Enma.FAILED);
        assertThat(unknown.err()).startsWith("enma: unknown input kind \"meters\"");
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static CliRun run(String... command) {
        return CliRun.withSettings(settings, command);
    }
}

package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.enma.config.StackState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end with {@code --no-serve} (generate, load, derive, rollup and its chart, every OT and the
 * summary), on a real embedded
 * stack of its own with a small company to stay quick; the serve step it ends with is `enma serve`'s, which
 * ServeStopIT and the portal's ITs cover.
 */
class DemoIT {
    @TempDir
    static Path home;

    @AfterAll
    static void stop() {
        StackState.read(home.resolve("data")).ifPresent(s -> ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroy));
        System.clearProperty("enma.home");
    }

    @Test
    void demoStartsTheStackGeneratesAndLoadsEveryKind() throws IOException {
        System.setProperty("enma.home", home.resolve("enma-home").toString());
        String[] stack = {"--data", home.resolve("data").toString(), "--stack-zk-port", freePort(),
                "--stack-mongo-port", freePort()};
        CliRun demo = CliRun.withSettings(stack, "demo", "--no-serve", "--contracts", "2");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        // 2013-01-01 .. 2014-01-31: 396 days x 24 hours x 3 stations = 28,512 temperatures
        assertThat(demo.out()).contains("customers    read=2 stored=2 rejected=0 duplicates=0",
                "tariffs      read=6 stored=6 rejected=0 duplicates=0",
                "stations     read=3 stored=3 rejected=0 duplicates=0",
                "weather      read=28512 stored=28512 rejected=0 duplicates=0")
                .containsPattern("consumption  read=(\\d+) stored=\\1 rejected=0 duplicates=0")
                .containsPattern("electricityConsumption_1111111111\\s+consumption\\s+\\d+")
                // the generated tariffs cover every hour of every day: each measure gets exactly one slot
                .containsPattern("5. derived fields, 201301..201401: measures=(\\d+) derived=\\d+ priced=\\1 unpriced=0"
                        + " ambiguous=0 resets=\\d+")
                // the generated faults found and estimated, the company's data quality per rule
                .containsPattern("validated and estimated \\(`enma validate`\\): days=\\d+ measures=\\d+"
                        + " suspect=[1-9]\\d* estimated=[1-9]\\d* missing=\\d+")
                .contains("data quality (`enma quality`): rule")
                .containsPattern("estimated: [0-9,]+ of [0-9,]+ measures with a value \\(\\d+\\.\\d\\d %\\)")
                .containsPattern("rolled up 201301..201401 \\(hour ... year, per contract and company: `enma rollup`\\):"
                        + " days=\\d+ rows=\\d+ in \\d+\\.\\d s")
                .contains("contract C000000, its last 30 days (DAY rows):\n   Thu 2014-01-02 ")
                .containsPattern("   Fri 2014-01-31 +\\d+\\.\\d\\d kWh █*[▏▎▍▌▋▊▉]?( +\\(\\d+"
                        + " estimated\\))?\n   the company by month")
                // both contracts have readings in every month of the 13
                .containsPattern("   2013-01 +\\d+\\.\\d\\d +2\n")
                .containsPattern("   2014-01 +\\d+\\.\\d\\d +2\n6. analytics for 201401")
                .containsPattern("OT101  results=\\d+ skipped=\\d+ setupId=[0-9a-f]{24}")
                .containsPattern("OT103  results=\\d+ skipped=\\d+ setupId=[0-9a-f]{24}")
                .containsPattern("OT201  results=\\d+ skipped=\\d+ setupId=[0-9a-f]{24}")
                .containsPattern("OT501  results=2 skipped=0 setupId=[0-9a-f]{24}")
                .containsPattern("OT503  results=2 skipped=0 setupId=[0-9a-f]{24}")
                .containsPattern("OT603  results=2 skipped=0 setupId=[0-9a-f]{24}")
                .containsPattern("OT701  results=2 skipped=0 setupId=[0-9a-f]{24}")
                .contains("7. 201401, OT101: ")
                .containsPattern("8. contract C00000[01], 201401: energy cost by tariff period")
                .contains("weather dependence 201302..201401 (OT701)")
                .contains("The stack keeps running");
        // a line a day from 2 to 31 January, the largest day's bar 40 blocks wide
        assertThat(demo.out().lines().filter(l -> l.matches("   \\w{3} 2014-01-\\d\\d +\\d+\\.\\d\\d kWh .*")))
                .hasSize(30).anyMatch(l -> l.contains(" kWh " + "█".repeat(40)));
        assertThat(CliRun.withSettings(stack, "stack", "stop").exitCode()).isZero();
    }

    private static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }
}

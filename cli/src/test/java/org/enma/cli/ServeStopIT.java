package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enma.cli.stack.StackLauncher;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `enma serve` as a process, stopped the way a service manager stops it: SIGTERM, then its exit status. */
@ExtendWith(EnmaStackExtension.class)
class ServeStopIT {
    private static final Pattern LISTENING = Pattern.compile("(?s).*portal API on http://127\\.0\\.0\\.1:(\\d+) .*");

    @Test
    void sigtermFinishesAndExitsZero(TestStack stack, @TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(StackLauncher.javaCommand());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Enma.class.getName(), "serve",
                "--port", "0", "--hbase-quorum", "127.0.0.1", "--hbase-port", Integer.toString(stack.zkPort()),
                "--mongo-uri", stack.mongoUri(), "--mongo-database", stack.database(),
                "--namespace", stack.namespace()));
        Path err = dir.resolve("serve.err");
        Process serve = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        try {
            Instant deadline = Instant.now().plusSeconds(90);
            Matcher listening = LISTENING.matcher("");
            while (!listening.matches()) {
                assertThat(Instant.now()).as("serve did not start: %s", Files.readString(err)).isBefore(deadline);
                Thread.sleep(200);
                listening = LISTENING.matcher(Files.readString(err, StandardCharsets.UTF_8));
            }
            URI health = URI.create("http://127.0.0.1:" + listening.group(1) + "/v1/health");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            serve.destroy();   // SIGTERM
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(serve.exitValue()).as(printed).isZero();
            assertThat(printed).endsWith("Ctrl-C stops it\n"
                    + "stopping: finishing the requests in flight (at most 20 s) ...\n"
                    + "portal API stopped\n");
        } finally {
            serve.destroyForcibly();
        }
    }
}

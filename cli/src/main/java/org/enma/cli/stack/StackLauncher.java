package org.enma.cli.stack;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.enma.config.EnmaConfig;
import org.enma.config.StackLocator;
import org.enma.config.StackState;
import org.enma.schema.EnmaException;

/**
 * Starts the embedded stack as a background process ({@link StackDaemon}) and stops it. The process is detached from
 * the terminal (setsid), so it outlives the command and a Ctrl-C meant for a later command.
 */
public final class StackLauncher {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final long MAX_HEAP_MB = 4096;

    private final StackLocator locator;
    private final PrintWriter progress;

    public StackLauncher(StackLocator locator, PrintWriter progress) {
        this.locator = locator;
        this.progress = progress;
    }

    /** The running stack the configuration means, or a new one started for it. */
    public StackState start(EnmaConfig config) throws IOException, InterruptedException {
        Optional<StackState> running = locator.running(config);
        if (running.isPresent()) {
            return running.get();
        }
        Path dataDir = config.dataDir();
        Optional<StackState> starting = StackState.read(dataDir)
                .filter(s -> s.phase() == StackState.Phase.STARTING && s.processAlive());
        if (starting.isEmpty()) {
            prepareDataDir(dataDir);
            Ports.requireFree("ZooKeeper", config.stackZkPort(), "--stack-zk-port / ENMA_STACK_ZK_PORT");
            Ports.requireFree("MongoDB", config.stackMongoPort(), "--stack-mongo-port / ENMA_STACK_MONGO_PORT");
            StackState.delete(dataDir);
            spawn(dataDir, config.stackZkPort(), config.stackMongoPort());
        }
        progress.println("starting the ENMA stack (HBase + MongoDB) in " + dataDir + " ...");
        progress.flush();
        StackState state = awaitRunning(dataDir);
        locator.remember(dataDir);
        return state;
    }

    /** Stops a running stack: SIGTERM, then waits for HBase to flush and the process to exit. */
    public void stop(StackState stack) throws InterruptedException {
        ProcessHandle process = stack.process().live().orElse(null);
        if (process == null) {
            StackState.delete(stack.dataDir());
            return;
        }
        progress.println("stopping the ENMA stack (pid " + stack.pid() + ") ...");
        progress.flush();
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new EnmaException("the stack (pid " + stack.pid() + ") did not stop within "
                    + STOP_TIMEOUT.toSeconds() + " s and was killed; HBase replays its WAL on the next start");
        }
    }

    private static void prepareDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new EnmaException("data directory " + dataDir + " is not writable (" + e.getMessage()
                    + "); choose another with --data DIR or ENMA_DATA");
        }
    }

    private void spawn(Path dataDir, int zkPort, int mongoPort) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(javaCommand());
        command.add("-Xmx" + heapMb() + "m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StackDaemon.class.getName());
        command.add(dataDir.toString());
        command.add(Integer.toString(zkPort));
        command.add(Integer.toString(mongoPort));
        Path log = logFile(dataDir);
        new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /** This JVM's java executable with the module opens it was given (docs/stack.md), to start a sibling JVM. */
    public static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect")) {
                command.add(arg);
            }
        }
        return command;
    }

    /** A sixth of the machine's memory, at most 4 GiB: HBase's memstores and block cache are fractions of it. */
    private static long heapMb() {
        long total = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024);
        return Math.max(512, Math.min(MAX_HEAP_MB, total / 6));
    }

    public static Path logFile(Path dataDir) {
        return dataDir.resolve("stack.log");
    }

    private static StackState awaitRunning(Path dataDir) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Optional<StackState> seen = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            seen = StackState.read(dataDir);
            if (seen.isEmpty()) {
                continue;
            }
            StackState state = seen.get();
            if (state.phase() == StackState.Phase.RUNNING && state.processAlive()) {
                return state;
            }
            if (state.phase() == StackState.Phase.FAILED) {
                throw new EnmaException(state.message() + " (log: " + logFile(dataDir) + ")");
            }
            if (!state.processAlive()) {
                throw new EnmaException("the stack process exited while starting; see " + logFile(dataDir));
            }
        }
        throw new EnmaException("the stack did not start within " + START_TIMEOUT.toMinutes() + " minutes"
                + (seen.isPresent() ? " (still " + seen.get().message() + ")" : "") + "; see " + logFile(dataDir));
    }
}

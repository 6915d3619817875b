package org.enma.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.enma.schema.EnmaException;

/**
 * Finds the embedded stack a command means. An explicitly configured data directory wins; otherwise
 * {@code ./enma-data} when a stack lives there; otherwise the stack last started by this user, whose data directory
 * is remembered in {@code ~/.enma/current-stack} (or {@code $ENMA_HOME/current-stack}), so commands work from any
 * working directory.
 */
public final class StackLocator {
    private final Path pointer;

    public StackLocator(Path enmaHome) {
        this.pointer = enmaHome.resolve("current-stack");
    }

    /** The locator of this process's user: system property {@code enma.home}, {@code $ENMA_HOME} or {@code ~/.enma}. */
    public static StackLocator forUser() {
        String home = System.getProperty("enma.home", System.getenv("ENMA_HOME"));
        return new StackLocator(home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".enma"));
    }

    /** The data directory whose stack the configuration means. */
    public Path dataDir(EnmaConfig config) {
        if (config.isSet(Setting.DATA) || Files.isRegularFile(StackState.fileIn(config.dataDir()))) {
            return config.dataDir();
        }
        return remembered().filter(dir -> Files.isRegularFile(StackState.fileIn(dir))).orElse(config.dataDir());
    }

    /** The running stack the configuration means, if any. */
    public Optional<StackState> running(EnmaConfig config) {
        return StackState.read(dataDir(config))
                .filter(s -> s.phase() == StackState.Phase.RUNNING && s.processAlive());
    }

    /** Remembers {@code dataDir} as the stack commands find from any working directory. */
    public void remember(Path dataDir) {
        try {
            Files.createDirectories(pointer.getParent());
            Files.writeString(pointer, dataDir.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnmaException("cannot write " + pointer + ": " + e.getMessage(), e);
        }
    }

    private Optional<Path> remembered() {
        try {
            return Files.isRegularFile(pointer)
                    ? Optional.of(Path.of(Files.readString(pointer, StandardCharsets.UTF_8).trim()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

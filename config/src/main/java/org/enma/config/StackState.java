package org.enma.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.enma.schema.EnmaException;

/**
 * What a running embedded stack publishes about itself in {@code <data>/stack.properties}: its process, its ports and
 * its phase. The stack writes it; every command reads it to find the stack without flags.
 */
public record StackState(StackProcess process, Path dataDir, int zkPort, int mongoPort, Phase phase,
                         String message) {
    public static final String FILE_NAME = "stack.properties";

    public enum Phase { STARTING, RUNNING, FAILED }

    public static Path fileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public StackState withPhase(Phase newPhase, String newMessage) {
        return new StackState(process, dataDir, zkPort, mongoPort, newPhase, newMessage);
    }

    public long pid() {
        return process.pid();
    }

    /** True while the process that wrote this state is alive (not merely some process with its pid). */
    public boolean processAlive() {
        return process.live().isPresent();
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a state. */
    public void write() {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(process.pid()));
        p.setProperty("processStart", process.started().toString());
        p.setProperty("processCommand", process.command());
        p.setProperty("dataDir", dataDir.toString());
        p.setProperty("zkPort", Integer.toString(zkPort));
        p.setProperty("mongoPort", Integer.toString(mongoPort));
        p.setProperty("phase", phase.name());
        p.setProperty("message", message);
        Path target = fileIn(dataDir);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "ENMA embedded stack: written by the stack process, read by enma commands");
        } catch (IOException e) {
            throw new EnmaException("cannot write " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnmaException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public static Optional<StackState> read(Path dataDir) {
        Path file = fileIn(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            StackProcess process = new StackProcess(Long.parseLong(p.getProperty("pid")),
                    Instant.parse(p.getProperty("processStart")), p.getProperty("processCommand", ""));
            return Optional.of(new StackState(process, Path.of(p.getProperty("dataDir")), Integer.parseInt(p.getProperty("zkPort")),
                    Integer.parseInt(p.getProperty("mongoPort")), Phase.valueOf(p.getProperty("phase")),
                    p.getProperty("message", "")));
        } catch (IOException | RuntimeException e) {
            throw new EnmaException(file + " is unreadable (" + e.getMessage() + "); if no stack is running,"
                    + " delete it and start the stack again");
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(fileIn(dataDir));
        } catch (IOException e) {
            throw new EnmaException("cannot delete " + fileIn(dataDir) + ": " + e.getMessage(), e);
        }
    }
}

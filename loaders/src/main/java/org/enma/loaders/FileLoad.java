package org.enma.loaders;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What one input file gave: its counts, the time it took and, when rows were rejected, the rejects file. */
public record FileLoad(Path file, LoadReport report, Duration elapsed, Optional<Path> rejects) {

    /** Rows read per second of this file's load. */
    public double rowsPerSecond() {
        return report.read() / Math.max(1e-3, elapsed.toNanos() / 1e9);
    }
}

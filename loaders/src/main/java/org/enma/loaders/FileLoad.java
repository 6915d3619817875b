package org.enma.loaders;

import java.nio.file.Path;
import java.util.Optional;

/** What one input file gave: its counts and, when rows were rejected, the rejects file. */
public record FileLoad(Path file, LoadReport report, Optional<Path> rejects) {
}

package org.enma.loaders;

import java.time.Duration;
import java.util.List;

/**
 * A finished load: each file's counts, and the time of the whole load, from the first file check until every row
 * is durable in the table (the final flush, or the bulk load of the HFiles, included).
 */
public record LoadResult(List<FileLoad> files, Duration elapsed) {
    public LoadReport total() {
        return files.stream().map(FileLoad::report).reduce(LoadReport.EMPTY, LoadReport::plus);
    }

    public double rowsPerSecond() {
        return total().read() / Math.max(1e-3, elapsed.toNanos() / 1e9);
    }
}

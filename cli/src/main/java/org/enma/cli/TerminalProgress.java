package org.enma.cli;

import java.io.PrintWriter;
import org.enma.loaders.LoadProgress;

/**
 * A one-line progress bar on stderr (rows, rows/s, percent of the input bytes), redrawn at most twice a second.
 * Shown only when stderr is a terminal: the launcher says so with {@code -Denma.progress=true}.
 */
final class TerminalProgress implements LoadProgress {
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    static LoadProgress forStderr(PrintWriter err) {
        return Boolean.getBoolean("enma.progress") ? new TerminalProgress(err) : LoadProgress.NONE;
    }

    @Override
    public void update(long rows, long bytesRead, long bytesTotal) {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        int percent = bytesTotal == 0 ? 100 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
        int filled = percent / 5;
        err.printf("\r[%s%s] %3d%%  %,d rows  %,.0f rows/s ", "#".repeat(filled), " ".repeat(20 - filled), percent,
                rows, rows / seconds);
        err.flush();
        drawn = true;
    }

    @Override
    public void done() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}

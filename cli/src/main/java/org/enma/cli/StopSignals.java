package org.enma.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM as a request to stop, for the commands that run until stopped (the stack, the rig's MongoDB,
 * {@code enma serve}). Handled as signals, not with a shutdown hook: what the command closes afterwards (HBase's
 * flush, the portal's requests in flight) runs to its end instead of racing the JVM's halt and Hadoop's own hooks, and
 * the process exits with the command's status (0 after a clean stop, not 143).
 */
public final class StopSignals {
    private StopSignals() {
    }

    /** A latch counted down by the first SIGTERM or SIGINT this JVM receives from now on. */
    public static CountDownLatch install() {
        CountDownLatch requested = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> requested.countDown());
        Signal.handle(new Signal("INT"), s -> requested.countDown());
        return requested;
    }
}

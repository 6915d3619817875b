package org.enma.portal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether one store answers, asked on one thread of its own. Health requests share the probe in flight instead of
 * starting one each: a store that hangs holds at most this one thread, however often health is asked. The probe
 * itself is bounded by the store client's own timeout, so once the store is back the next probe finds it up.
 */
final class StoreProbe implements AutoCloseable {
    interface Check {
        void run() throws Exception;
    }

    private final Check check;
    private final ExecutorService thread;
    private CompletableFuture<Void> inFlight;

    StoreProbe(String store, Check check) {
        this.check = check;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "enma-health-" + store);
            t.setDaemon(true);
            return t;
        });
    }

    /** The probe in flight, or a new one when the last has ended. */
    synchronized CompletableFuture<Void> probe() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.runAsync(() -> {
                try {
                    check.run();
                } catch (Exception down) {
                    throw new CompletionException(down);
                }
            }, thread);
        }
        return inFlight;
    }

    /** True when {@code probe} succeeded by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static boolean answered(CompletableFuture<Void> probe, long deadlineNanos) {
        try {
            probe.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException down) {
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package org.enma.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process of a stack, told apart from any other process that later gets its pid: the pid, when the process
 * started and its executable. After a crash the operating system may give the pid to a stranger; a stack is alive
 * only while the process with that pid also started at that time from that executable, so no command reports, waits
 * for or signals a process that is not the stack.
 */
public record StackProcess(long pid, Instant started, String command) {
    /**
     * Linux derives a start instant from the boot time, which it reports in whole seconds that can differ by one
     * between two readers; a reused pid cannot have started within a second of its first owner.
     */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    public static StackProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new StackProcess(self.pid(), self.info().startInstant().orElse(Instant.EPOCH),
                self.info().command().orElse(""));
    }

    /** The live process this one is, if it still runs. */
    public Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isThis);
    }

    private boolean isThis(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        boolean sameStart = info.startInstant()
                .map(start -> Duration.between(start, started).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(false);
        return sameStart && info.command().map(command::equals).orElse(false);
    }
}

package org.enma.cli.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.enma.cli.Logging;
import org.enma.cli.StopSignals;
import org.enma.config.StackProcess;
import org.enma.config.StackState;
import org.enma.schema.EnmaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background process of {@code enma stack start}: runs the {@link EmbeddedStack} until SIGTERM or SIGINT, then
 * stops it in order. It reports its phase in {@code <data>/stack.properties}, which the starting command watches.
 * Arguments: {@code <dataDir> <zkPort> <mongoPort>}.
 */
public final class StackDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(StackDaemon.class);

    private StackDaemon() {
    }

    public static void main(String[] args) throws Exception {
        Logging.configure(Logging.Mode.STACK);
        Path dataDir = Path.of(args[0]);
        int zkPort = Integer.parseInt(args[1]);
        int mongoPort = Integer.parseInt(args[2]);
        StackState state = new StackState(StackProcess.current(), dataDir, zkPort, mongoPort,
                StackState.Phase.STARTING, "starting");
        state.write();

        // HBase must flush and close before Hadoop's own shutdown hooks run
        CountDownLatch stopRequested = StopSignals.install();

        EmbeddedStack stack;
        try {
            stack = EmbeddedStack.start(dataDir, zkPort, mongoPort);
        } catch (EnmaException e) {
            state.withPhase(StackState.Phase.FAILED, e.getMessage()).write();
            LOG.error("stack failed to start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        } catch (Exception e) {
            state.withPhase(StackState.Phase.FAILED, "the stack failed to start: " + e).write();
            LOG.error("stack failed to start", e);
            System.exit(1);
            return;
        }
        state.withPhase(StackState.Phase.RUNNING, "running").write();
        LOG.info("ENMA stack running: ZooKeeper 127.0.0.1:{}, MongoDB 127.0.0.1:{}, data {}", zkPort, mongoPort,
                dataDir);

        stopRequested.await();
        LOG.info("stopping the ENMA stack");
        try {
            stack.close();
        } finally {
            StackState.delete(dataDir);
        }
        LOG.info("ENMA stack stopped");
        System.exit(0);
    }
}

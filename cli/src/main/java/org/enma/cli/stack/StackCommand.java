package org.enma.cli.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.enma.cli.Enma;
import org.enma.config.EnmaConfig;
import org.enma.config.SettingFlags;
import org.enma.config.StackLocator;
import org.enma.config.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "The embedded stack: HBase standalone and a MongoDB-protocol server on 127.0.0.1.",
        subcommands = {StackCommand.Start.class, StackCommand.Status.class, StackCommand.Stop.class})
public final class StackCommand {

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts the stack in the background (data under --data, default ./enma-data) and waits"
                    + " until HBase and MongoDB answer; a running stack is reported, not started twice.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            EnmaConfig config = SettingFlags.config(spec);
            StackState state = new StackLauncher(StackLocator.forUser(), spec.commandLine().getErr()).start(config);
            describe(spec.commandLine().getOut(), state);
            return Enma.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Reports the running stack (exit 0), or that none runs (exit 1).")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            EnmaConfig config = SettingFlags.config(spec);
            StackLocator locator = StackLocator.forUser();
            Optional<StackState> running = locator.running(config);
            if (running.isEmpty()) {
                spec.commandLine().getOut().println("no ENMA stack is running (looked in " + locator.dataDir(config)
                        + "); start one with `scripts/enma stack start`");
                return Enma.FAILED;
            }
            describe(spec.commandLine().getOut(), running.get());
            return Enma.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the running stack cleanly (HBase flushes its memstores first).")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            EnmaConfig config = SettingFlags.config(spec);
            StackLocator locator = StackLocator.forUser();
            PrintWriter out = spec.commandLine().getOut();
            Optional<StackState> running = locator.running(config);
            if (running.isEmpty()) {
                out.println("no ENMA stack is running (looked in " + locator.dataDir(config) + ")");
                return Enma.OK;
            }
            new StackLauncher(locator, spec.commandLine().getErr()).stop(running.get());
            out.println("ENMA stack stopped (data kept in " + running.get().dataDir() + ")");
            return Enma.OK;
        }
    }

    static void describe(PrintWriter out, StackState state) {
        out.println("ENMA stack running (pid " + state.pid() + ")");
        out.println("  HBase    ZooKeeper 127.0.0.1:" + state.zkPort());
        out.println("  MongoDB  " + state.mongoUri());
        out.println("  data     " + state.dataDir());
        out.println("  log      " + StackLauncher.logFile(state.dataDir()));
    }
}

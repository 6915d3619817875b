package org.enma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.enma.cli.stack.StackLauncher;
import org.enma.config.StackLocator;
import org.enma.config.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job, end to end on the embedded stack. Today it brings the stack up and shows its tables; generating,
 * loading, the OT runs, the summary and the API join as their commands land (issues 3, 4, 5), and the demo says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the main job end to end on the embedded stack (starting it when needed).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--no-serve", description = "stop after the summary instead of serving the portal API")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StackState stack = new StackLauncher(StackLocator.forUser(), spec.commandLine().getErr())
                .start(CommandSettings.config(spec));
        out.println("1. embedded stack: HBase on ZooKeeper 127.0.0.1:" + stack.zkPort() + ", MongoDB "
                + stack.mongoUri());
        out.println("2. tables:");
        out.flush();
        TablesCommand.list(spec, out);
        out.println("Not in this build yet: generate, load, run OT101/OT103/OT201, summary and portal API"
                + " (each arrives with its command). The stack keeps running: `scripts/enma stack stop` stops it.");
        return Enma.OK;
    }
}

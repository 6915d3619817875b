package org.enma.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.enma.cli.backup.Restore;
import org.enma.store.MongoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a backup of `enma backup` into the namespace and MongoDB database of the settings"
                + " (--namespace, --mongo-database: restore beside the original by naming others). Every file is"
                + " checked against the manifest first; existing tables or non-empty collections are refused unless"
                + " --replace. Every table is compared with the backup's row count and cell checksum. Ends with:"
                + " tables=N rows=N collections=N documents=N location=DIR"})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", required = true, description = "the backup's directory")
    String from;

    @Option(names = "--replace", description = "drop the tables and collections the backup has before restoring")
    boolean replace;

    @Override
    public Integer call() throws IOException {
        try (HBaseSession session = HBaseSession.open(spec); MongoStore mongo = session.mongo()) {
            var summary = new Restore(session.backupStores(mongo), spec.commandLine().getErr()).from(from, replace);
            spec.commandLine().getOut().println(summary.line());
        }
        return Enma.OK;
    }
}

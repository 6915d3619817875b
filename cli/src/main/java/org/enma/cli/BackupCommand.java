package org.enma.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.enma.cli.backup.Backup;
import org.enma.store.MongoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up every ENMA table of the namespace (HBase snapshots exported with ExportSnapshot) and"
                + " every MongoDB collection of the database (extended JSON) into a new directory, with a manifest of"
                + " row counts, cell checksums and file checksums. Ends with: tables=N rows=N collections=N"
                + " documents=N location=DIR"})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "a new or empty directory: a local path, file:///... or hdfs://...")
    String to;

    @Override
    public Integer call() throws IOException {
        try (HBaseSession session = HBaseSession.open(spec); MongoStore mongo = session.mongo()) {
            var summary = new Backup(session.backupStores(mongo), spec.commandLine().getErr())
                    .to(to, Enma.version(), Clock.systemUTC());
            spec.commandLine().getOut().println(summary.line());
        }
        return Enma.OK;
    }
}

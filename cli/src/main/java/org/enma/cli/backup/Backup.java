package org.enma.cli.backup;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.TableSnapshotScanner;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableNames;

/**
 * {@code enma backup}: a snapshot of every ENMA table of the namespace, exported with HBase's ExportSnapshot into the
 * backup directory and dropped from the cluster again; every MongoDB collection of the database as extended JSON; and
 * the manifest, written last. Each table's row count and cell checksum are read back from the exported copy itself
 * (not from the live table, which may have changed since), which also proves the copy readable.
 */
public final class Backup {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Connection hbase;
    private final TableNames names;
    private final String hbaseRoot;
    private final MongoDatabase mongo;
    private final PrintWriter progress;

    public Backup(Stores from, PrintWriter progress) {
        this.hbase = from.hbase();
        this.names = from.names();
        this.hbaseRoot = from.hbaseRoot();
        this.mongo = from.mongo();
        this.progress = progress;
    }

    /** Backs up into {@code location}, which must be empty or not exist; the manifest written. */
    public BackupManifest.Summary to(String location, String enmaVersion, Clock clock) throws IOException {
        Configuration conf = Snapshots.conf(hbase, hbaseRoot);
        BackupDir dir = new BackupDir(location, conf);
        if (!dir.isEmpty()) {
            throw new EnmaException("backup directory " + dir.root() + " is not empty: back up into a new directory"
                    + " (e.g. one named by the date)");
        }
        Instant now = clock.instant();
        List<BackupManifest.Table> tables = new ArrayList<>();
        try (Admin admin = hbase.getAdmin()) {
            for (EnmaTable table : names.list(admin)) {
                TableName name = names.of(table);
                String snapshot = "enma-" + name.getNameAsString().replace(':', '-') + "-" + STAMP.format(now);
                progress.println("snapshot of " + name.getNameAsString() + " ...");
                progress.flush();
                admin.snapshot(snapshot, name);
                try {
                    Snapshots.export(conf, snapshot, new Path(hbaseRoot), dir.hbase());
                } finally {
                    admin.deleteSnapshot(snapshot);
                }
                CellChecksum content = exportedContent(conf, dir, snapshot);
                tables.add(new BackupManifest.Table(table.name(), snapshot, content.rows(), content.hex()));
                progress.println("  " + content.rows() + " rows");
            }
        }
        progress.println("MongoDB collections ...");
        progress.flush();
        List<BackupManifest.Collection> collections = MongoDump.dump(mongo, dir);
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, enmaVersion, now.toString(),
                names.namespace(), mongo.getName(), tables, collections, dir.files());
        dir.write(BackupManifest.FILE_NAME, manifest.toJson());
        return manifest.summary(dir.root().toString());
    }

    /** Rows and checksum of an exported snapshot, read from the backup directory alone. */
    static CellChecksum exportedContent(Configuration conf, BackupDir dir, String snapshot) throws IOException {
        Path scratch = new Path(dir.root().getParent(), "." + dir.root().getName() + "-scan-" + snapshot);
        // the snapshot's files are links into the backup's archive: resolved against the backup as HBase root
        Configuration backupRoot = new Configuration(conf);
        backupRoot.set(HConstants.HBASE_DIR, dir.hbase().toString());
        try (TableSnapshotScanner scanner = new TableSnapshotScanner(backupRoot, dir.hbase(), scratch, snapshot,
                new Scan())) {
            return CellChecksum.of(scanner);
        } finally {
            dir.fs().delete(scratch, true);
        }
    }
}

package org.enma.cli.backup;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceNotFoundException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableNames;

/**
 * {@code enma restore}: checks every file of a backup against its manifest before anything is written, refuses to
 * overwrite tables or non-empty collections unless told to replace them, then for each table imports its snapshot
 * into the cluster's root (ExportSnapshot the other way), clones it under its name in the target namespace, drops the
 * imported snapshot, and compares the restored table's rows and cell checksum with the manifest; then loads the
 * MongoDB collections and compares their counts.
 */
public final class Restore {
    private final Connection hbase;
    private final TableNames target;
    private final String hbaseRoot;
    private final MongoDatabase mongo;
    private final PrintWriter progress;

    public Restore(Stores into, PrintWriter progress) {
        this.hbase = into.hbase();
        this.target = into.names();
        this.hbaseRoot = into.hbaseRoot();
        this.mongo = into.mongo();
        this.progress = progress;
    }

    public BackupManifest.Summary from(String location, boolean replace) throws IOException {
        Configuration conf = Snapshots.conf(hbase, hbaseRoot);
        BackupDir dir = new BackupDir(location, conf);
        if (!dir.fs().exists(dir.resolve(BackupManifest.FILE_NAME))) {
            throw new EnmaException("no backup at " + dir.root() + ": " + BackupManifest.FILE_NAME + " is missing (a"
                    + " backup writes it last, so a backup that did not finish has none)");
        }
        BackupManifest manifest = BackupManifest.parse(dir.read(BackupManifest.FILE_NAME),
                dir.resolve(BackupManifest.FILE_NAME).toString());
        progress.println("checking " + manifest.files().size() + " files of the backup ...");
        progress.flush();
        dir.verify(manifest.files());
        try (Admin admin = hbase.getAdmin()) {
            refuseOverwriting(admin, manifest, replace);
            ensureNamespace(admin);
            for (BackupManifest.Table table : manifest.tables()) {
                restore(admin, conf, dir, table);
            }
        }
        for (BackupManifest.Collection collection : manifest.collections()) {
            mongo.getCollection(collection.name()).drop();
            long loaded = MongoDump.load(mongo, dir, collection);
            if (loaded != collection.documents()) {
                throw new EnmaException("MongoDB " + collection.name() + ": " + loaded + " documents restored, the"
                        + " manifest says " + collection.documents());
            }
        }
        return manifest.summary(dir.root().toString());
    }

    private void refuseOverwriting(Admin admin, BackupManifest manifest, boolean replace) throws IOException {
        List<String> taken = new ArrayList<>();
        for (BackupManifest.Table table : manifest.tables()) {
            if (admin.tableExists(target.of(EnmaTable.parse(table.name())))) {
                taken.add("table " + target.of(EnmaTable.parse(table.name())).getNameAsString());
            }
        }
        for (BackupManifest.Collection collection : manifest.collections()) {
            if (mongo.getCollection(collection.name()).estimatedDocumentCount() > 0) {
                taken.add("collection " + mongo.getName() + "." + collection.name());
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        if (!replace) {
            throw new EnmaException("nothing restored: " + String.join(", ", taken.subList(0, Math.min(5,
                    taken.size()))) + (taken.size() > 5 ? " and " + (taken.size() - 5) + " more" : "") + " exist"
                    + " already; restore into an empty stack, another namespace (--namespace) and database"
                    + " (--mongo-database), or give --replace to overwrite them");
        }
        for (BackupManifest.Table table : manifest.tables()) {
            TableName name = target.of(EnmaTable.parse(table.name()));
            if (admin.tableExists(name)) {
                if (admin.isTableEnabled(name)) {
                    admin.disableTable(name);
                }
                admin.deleteTable(name);
            }
        }
    }

    private void ensureNamespace(Admin admin) throws IOException {
        try {
            admin.getNamespaceDescriptor(target.hbaseNamespace());
        } catch (NamespaceNotFoundException e) {
            admin.createNamespace(NamespaceDescriptor.create(target.hbaseNamespace()).build());
        }
    }

    private void restore(Admin admin, Configuration conf, BackupDir dir, BackupManifest.Table table)
            throws IOException {
        TableName name = target.of(EnmaTable.parse(table.name()));
        progress.println("restoring " + name.getNameAsString() + " ...");
        progress.flush();
        Snapshots.export(conf, table.snapshot(), dir.hbase(), new Path(hbaseRoot));
        try {
            admin.cloneSnapshot(table.snapshot(), name);
        } finally {
            admin.deleteSnapshot(table.snapshot());
        }
        CellChecksum restored;
        try (Table t = hbase.getTable(name); ResultScanner scanner = t.getScanner(new Scan().setCacheBlocks(false))) {
            restored = CellChecksum.of(scanner);
        }
        if (restored.rows() != table.rows() || !restored.hex().equals(table.cellChecksum())) {
            throw new EnmaException("table " + name.getNameAsString() + " was restored with " + restored.rows()
                    + " rows and cell checksum " + restored.hex() + ", the backup has " + table.rows() + " rows and "
                    + table.cellChecksum());
        }
        progress.println("  " + restored.rows() + " rows, every cell as backed up");
    }
}

package org.enma.cli.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.enma.schema.EnmaException;

/**
 * A backup's directory on any Hadoop filesystem (a local path, {@code file://...} or {@code hdfs://...}): its HBase
 * part under {@code hbase/} (what ExportSnapshot writes, laid out like an HBase root directory), its MongoDB part
 * under {@code mongo/}, and the manifest.
 */
final class BackupDir {
    static final String HBASE = "hbase";
    static final String MONGO = "mongo";

    private final Path root;
    private final FileSystem fs;

    BackupDir(String location, Configuration conf) throws IOException {
        Path path = new Path(location);
        this.fs = path.getFileSystem(conf);
        this.root = fs.makeQualified(path);
    }

    Path root() {
        return root;
    }

    Path hbase() {
        return new Path(root, HBASE);
    }

    Path resolve(String relative) {
        return new Path(root, relative);
    }

    FileSystem fs() {
        return fs;
    }

    /** True when the directory does not exist or holds nothing. */
    boolean isEmpty() throws IOException {
        return !fs.exists(root) || fs.listStatus(root).length == 0;
    }

    /** Every file under the directory but the manifest, with size and SHA-256, by path. */
    List<BackupManifest.BackupFile> files() throws IOException {
        List<BackupManifest.BackupFile> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> all = fs.listFiles(root, true);
        while (all.hasNext()) {
            LocatedFileStatus file = all.next();
            String relative = root.toUri().relativize(file.getPath().toUri()).getPath();
            if (!relative.equals(BackupManifest.FILE_NAME)) {
                files.add(new BackupManifest.BackupFile(relative, file.getLen(), sha256(file.getPath())));
            }
        }
        files.sort(java.util.Comparator.comparing(BackupManifest.BackupFile::path));
        return files;
    }

    /** Refuses the backup, naming the file, when a file of the manifest is missing, of another size or content. */
    void verify(List<BackupManifest.BackupFile> expected) throws IOException {
        for (BackupManifest.BackupFile file : expected) {
            Path path = resolve(file.path());
            if (!fs.exists(path)) {
                throw new EnmaException("backup " + root + " is incomplete: " + path + " is missing");
            }
            long bytes = fs.getFileStatus(path).getLen();
            if (bytes != file.bytes()) {
                throw new EnmaException("backup " + root + " is damaged: " + path + " has " + bytes + " bytes, the"
                        + " manifest says " + file.bytes() + " (truncated?)");
            }
            if (!sha256(path).equals(file.sha256())) {
                throw new EnmaException("backup " + root + " is damaged: " + path + " does not have the content the"
                        + " manifest's SHA-256 says");
            }
        }
    }

    byte[] read(String relative) throws IOException {
        try (InputStream in = fs.open(resolve(relative))) {
            return in.readAllBytes();
        }
    }

    /** Writes {@code relative} whole: to a temporary name first, renamed when complete. */
    void write(String relative, byte[] content) throws IOException {
        Path target = resolve(relative);
        Path partial = resolve(relative + ".partial");
        try (OutputStream out = fs.create(partial, true)) {
            out.write(content);
        }
        if (!fs.rename(partial, target)) {
            throw new IOException("cannot rename " + partial + " to " + target);
        }
    }

    OutputStream create(String relative) throws IOException {
        return fs.create(resolve(relative), false);
    }

    private String sha256(Path file) throws IOException {
        MessageDigest digest = CellChecksum.sha256();
        try (InputStream in = new DigestInputStream(fs.open(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

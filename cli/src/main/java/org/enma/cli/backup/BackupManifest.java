package org.enma.cli.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import org.enma.schema.EnmaException;

/**
 * {@code manifest.json}, what a backup holds: the tables (their snapshot, row count and a checksum over every cell),
 * the MongoDB collections (their file and document count), and every file of the backup with its size and SHA-256,
 * so that a damaged or truncated file is found before anything is restored. Written last: a backup without it did
 * not finish.
 */
public record BackupManifest(int format, String enmaVersion, String created, String namespace, String mongoDatabase,
                      List<Table> tables, List<Collection> collections, List<BackupFile> files) {
    static final String FILE_NAME = "manifest.json";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A table as it was backed up: its name in the namespace, its exported snapshot, rows, cell checksum. */
    record Table(String name, String snapshot, long rows, String cellChecksum) {
    }

    /**
     * A MongoDB collection: its extended-JSON file (one document per line, by {@code _id}), its documents, and the
     * keys of its indexes besides {@code _id}.
     */
    record Collection(String name, String file, long documents, List<String> indexes) {
    }

    /** A file of the backup, relative to its directory. */
    record BackupFile(String path, long bytes, String sha256) {
    }

    /** What a backup or restore reports on its last line. */
    public record Summary(String location, int tables, long rows, int collections, long documents) {
        public String line() {
            return "tables=" + tables + " rows=" + rows + " collections=" + collections + " documents=" + documents
                    + " location=" + location;
        }
    }

    Summary summary(String location) {
        return new Summary(location, tables.size(), tables.stream().mapToLong(Table::rows).sum(), collections.size(),
                collections.stream().mapToLong(Collection::documents).sum());
    }

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    static BackupManifest parse(byte[] json, String where) {
        try {
            BackupManifest manifest = JSON.readValue(json, BackupManifest.class);
            if (manifest.format() != FORMAT) {
                throw new EnmaException(where + ": backup format " + manifest.format() + ", this ENMA reads format "
                        + FORMAT);
            }
            return manifest;
        } catch (IOException e) {
            throw new EnmaException(where + " is damaged: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}

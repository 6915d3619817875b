package org.enma.loaders;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An upload file, plain or gzip-compressed (recognised by its content, whatever its name). The checks that make it
 * a file-level error — missing, unreadable, empty, a gzip stream that is truncated or corrupt — run before anything
 * is written. The gzip check reads the whole file once: cheap next to writing its rows, and it keeps a broken
 * archive from leaving half its rows behind.
 */
final class InputFile {
    private final Path path;
    private final boolean gzip;
    private final long size;

    private InputFile(Path path, boolean gzip, long size) {
        this.path = path;
        this.gzip = gzip;
        this.size = size;
    }

    static InputFile check(Path path) {
        if (!Files.exists(path)) {
            throw new FileRejected(path + ": no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new FileRejected(path + ": not a readable file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new FileRejected(path + ": the file is empty (a header row is required)");
            }
            boolean gzip;
            try (InputStream in = Files.newInputStream(path)) {
                gzip = in.read() == 0x1f && in.read() == 0x8b;
            }
            InputFile file = new InputFile(path, gzip, size);
            if (gzip) {
                file.verifyGzip();
            }
            return file;
        } catch (IOException e) {
            throw new FileRejected(path + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private void verifyGzip() throws IOException {
        byte[] sink = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path)), 1 << 16)) {
            while (in.read(sink) >= 0) {
                // reading to the end is the check
            }
        } catch (EOFException | ZipException e) {
            throw new FileRejected(path + ": the gzip data is truncated or corrupt (" + e.getMessage()
                    + "); nothing of it was loaded");
        }
    }

    /** The decompressed content; {@code bytesRead} follows the file's own (compressed) bytes, for progress. */
    InputStream open(AtomicLong bytesRead) throws IOException {
        InputStream raw = new FilterInputStream(Files.newInputStream(path)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }
}

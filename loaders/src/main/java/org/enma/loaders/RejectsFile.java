package org.enma.loaders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code <input>.rejects.csv}: one row per rejected input row ({@code line,reason,original}). Created on the first
 * reject; a rejects file left by an earlier load of the same input is removed first, so it always speaks of the
 * latest load.
 */
final class RejectsFile implements AutoCloseable {
    private final Path path;
    private CSVPrinter printer;

    RejectsFile(Path input) throws IOException {
        this.path = of(input);
        Files.deleteIfExists(path);
    }

    static Path of(Path input) {
        return input.resolveSibling(input.getFileName() + ".rejects.csv");
    }

    void reject(long line, String reason, String original) throws IOException {
        if (printer == null) {
            BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("line", "reason", "original").get());
        }
        printer.printRecord(line, reason, original);
    }

    Path path() {
        return path;
    }

    boolean written() {
        return printer != null;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
        }
    }
}
